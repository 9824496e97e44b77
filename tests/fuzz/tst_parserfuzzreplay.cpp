// The GCC build's run of the parser fuzz entries: every seed of tests/fuzz/corpus/<target> and a
// fixed number of deterministic mutations of each go through the target's entry function. The
// libFuzzer targets (clang) explore further; this keeps every seed, and every reproducer a fuzzer
// found, passing in the normal test command.
#include "FuzzMutator.h"
#include "ParserFuzzEntries.h"

#include <QDir>
#include <QTest>

#include <functional>

using namespace secretdesk;

namespace {

using Entry = std::function<QString(const std::uint8_t *, std::size_t)>;

struct Target {
    QString name; // the corpus folder and the libFuzzer target's suffix
    Entry entry;
    QList<QByteArray> tokens;
};

const QList<Target> &targets()
{
    static const QList<QByteArray> json = {"{", "}", "[",    "]",     "\"", "\\",   "\\u00", "\\ud800",
                                           ":", ",", "null", "1e999", "-0", "\xff", "\xc3",  "\n"};
    static const QList<Target> list = {
        {QStringLiteral("catalog"), fuzzCatalog,
         json + QList<QByteArray>{"\"format\":\"secretdesk-catalog\"", "\"version\":1", "\"profiles\"",
                                  "\"secrets\"", "\"type\":\"json\"", "\"target\":\"prefect1\""}},
        {QStringLiteral("dotenv"),
         fuzzDotenv,
         {"=", "'", "\"", "\\", "\n", "\r", "#", " ", "export ", "${", "}", ":-",
          "PREFECT__CONTEXT__SECRETS__", "__", "\\n", "\xff"}},
        {QStringLiteral("configtoml"),
         fuzzConfigToml,
         {"[",
          "]",
          "[[",
          "]]",
          "=",
          "\"",
          "'''",
          "\"\"\"",
          "\\",
          "\n",
          "\r\n",
          "#",
          ".",
          "{",
          "}",
          ",",
          "[context.secrets]",
          "context.secrets.",
          "${",
          "1979-05-27",
          "\xff"}},
        {QStringLiteral("prefectdecoder"), fuzzPrefectDecoder,
         json + QList<QByteArray>{"'", "\"\"\"", "b'", "r'", "(", ")", "j", "0x", "_", "$", "${", "~", "\\x",
                                  "\\N{", "True", "set()", "..."}},
        {QStringLiteral("secretvalue"), fuzzSecretValue, json},
    };
    return list;
}

} // namespace

class TestParserFuzzReplay : public QObject {
    Q_OBJECT

private slots:
    void seeds_data();
    void seeds();
};

static const int MutationsPerSeed = 100;

void TestParserFuzzReplay::seeds_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QByteArray>("seed");
    for (qsizetype t = 0; t < targets().size(); ++t) {
        const QString &name = targets().at(t).name;
        const QDir dir(qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/tests/fuzz/corpus/") +
                       name);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 5, qPrintable(name + QStringLiteral(": fewer than 5 seeds")));
        for (const QString &file : files) {
            QFile seed(dir.filePath(file));
            QVERIFY(seed.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(name + QLatin1Char('/') + file)) << int(t) << seed.readAll();
        }
    }
}

void TestParserFuzzReplay::seeds()
{
    QFETCH(int, target);
    QFETCH(QByteArray, seed);
    const Target &t = targets().at(target);
    auto run = [&t](const QByteArray &input) {
        return t.entry(reinterpret_cast<const std::uint8_t *>(input.constData()), std::size_t(input.size()));
    };
    QString problem = run(seed);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    FuzzMutator mutator(t.tokens, quint32(qHash(seed)));
    for (int i = 0; i < MutationsPerSeed; ++i) {
        problem = run(mutator.mutate(seed));
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("mutation %1: %2").arg(i).arg(problem)));
    }
}

QTEST_GUILESS_MAIN(TestParserFuzzReplay)
#include "tst_parserfuzzreplay.moc"
