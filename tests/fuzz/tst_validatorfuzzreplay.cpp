// The fuzz smoke run of the normal (GCC) build: every seed of tests/fuzz/corpus/validators and
// a fixed number of deterministic mutations of each go through the fuzz entry function.
#include "ValidatorFuzzEntry.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

class TestValidatorFuzzReplay : public QObject {
    Q_OBJECT

private slots:
    void seeds_data();
    void seeds();

private:
    static QByteArray mutate(QByteArray input, QRandomGenerator &random);
};

static const int MutationsPerSeed = 150;

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

QByteArray TestValidatorFuzzReplay::mutate(QByteArray input, QRandomGenerator &random)
{
    static const QList<QByteArray> tokens = {"{",
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
    const int steps = 1 + random.bounded(4);
    for (int i = 0; i < steps; ++i) {
        const qsizetype pos = input.isEmpty() ? 0 : random.bounded(input.size() + 1);
        switch (random.bounded(5)) {
        case 0: // flip a bit
            if (!input.isEmpty())
                input[qMin(pos, input.size() - 1)] ^= static_cast<char>(1 << random.bounded(8));
            break;
        case 1: // truncate
            input.truncate(pos);
            break;
        case 2: // insert a token
            input.insert(pos, tokens.at(random.bounded(tokens.size())));
            break;
        case 3: // delete a range
            input.remove(pos, random.bounded(16));
            break;
        default: // duplicate a range
            input.insert(pos, input.mid(random.bounded(input.size() + 1), random.bounded(64)));
        }
    }
    return input;
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
    QRandomGenerator random(qHash(seed));
    for (int i = 0; i < MutationsPerSeed; ++i) {
        const QByteArray input = mutate(seed, random);
        problem = run(input);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("mutation %1: %2").arg(i).arg(problem)));
    }
}

QTEST_GUILESS_MAIN(TestValidatorFuzzReplay)
#include "tst_validatorfuzzreplay.moc"
