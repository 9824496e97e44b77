// The fuzz smoke run of the normal (GCC) build: every seed of tests/fuzz/corpus/validators and
// a fixed number of deterministic mutations of each go through the fuzz entry function.
#include "FuzzMutator.h"
#include "ValidatorFuzzEntry.h"

#include <QDir>
#include <QTest>

using namespace secretdesk;

class TestValidatorFuzzReplay : public QObject {
    Q_OBJECT

private slots:
    void seeds_data();
    void seeds();
};

static const int MutationsPerSeed = 150;

static const QList<QByteArray> Tokens = {"{",
                                         "}",
                                         "[",
                                         "]",
                                         "\"",
                                         "\\",
                                         "\\n",
                                         "\\u",
                                         "\\\\n",
                                         ":",
                                         ",",
                                         "null",
                                         "-----BEGIN PRIVATE KEY-----",
                                         "ghp_",
                                         "AKIA",
                                         ";",
                                         "=",
                                         "\xff",
                                         "\xc3",
                                         "\n",
                                         " ",
                                         "\"type\":\"service_account\""};

void TestValidatorFuzzReplay::seeds_data()
{
    QTest::addColumn<QByteArray>("seed");
    const QDir dir(qEnvironmentVariable("SECRETDESK_SOURCE_DIR") +
                   QStringLiteral("/tests/fuzz/corpus/validators"));
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 10);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(name)) << file.readAll();
    }
}

void TestValidatorFuzzReplay::seeds()
{
    QFETCH(QByteArray, seed);
    auto run = [](const QByteArray &input) {
        return fuzzValidators(reinterpret_cast<const std::uint8_t *>(input.constData()),
                              static_cast<std::size_t>(input.size()));
    };
    QString problem = run(seed);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    FuzzMutator mutator(Tokens, quint32(qHash(seed)));
    for (int i = 0; i < MutationsPerSeed; ++i) {
        const QByteArray input = mutator.mutate(seed);
        problem = run(input);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("mutation %1: %2").arg(i).arg(problem)));
    }
}

QTEST_GUILESS_MAIN(TestValidatorFuzzReplay)
#include "tst_validatorfuzzreplay.moc"
