// The dotenv export is read by python-dotenv (Debian's python3-dotenv), the npm dotenv package (17)
// and node 20's own --env-file parser: every accepted value must come back byte for byte from all
// three, and every refusal must name the reader that would disagree.
#include "ExportCorpus.h"
#include "ReaderRoundTrip.h"
#include "core/exporters/DotenvExporter.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

class TestDotenvRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void refusalsNameTheReader();
    void plainValuesAreNeverRefused();
    void refusalsAreNecessary();
    void quotingChoice_data();
    void quotingChoice();

private:
    QList<QByteArray> m_values;
    DotenvExporter m_exporter;
};

void TestDotenvRoundTrip::initTestCase()
{
    m_values = ExportCorpus::adversarial();
    QVERIFY2(m_values.size() >= 500,
             "the adversarial corpus needs tests/data/exporters/adversarial-atoms.json");
    m_values += ExportCorpus::seededRandom(2000, 20261129);
    const QString readers = qEnvironmentVariable("SECRETDESK_NODE_READERS");
    QVERIFY2(QFileInfo::exists(readers + QStringLiteral("/node_modules/dotenv/package.json")),
             "npm dotenv is missing: run scripts/test-setup.d/exporters.sh BUILD_DIR");
    QVERIFY2(QFileInfo::exists(QStringLiteral("/usr/lib/python3/dist-packages/dotenv/__init__.py")),
             "python3-dotenv is missing (scripts/packages/exporters.txt)");
}

void TestDotenvRoundTrip::roundTrip_data()
{
    const QString script = ReaderRoundTrip::scriptDir();
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("python-dotenv") << QStringLiteral("/usr/bin/python3")
                                   << QStringList{script + QStringLiteral("/python_env_reader.py"),
                                                  QStringLiteral("exported")};
    QTest::newRow("npm dotenv") << QStringLiteral("node")
                                << QStringList{script + QStringLiteral("/node_env_reader.js"),
                                               QStringLiteral("npm"), QStringLiteral("exported")};
    QTest::newRow("node --env-file") << QStringLiteral("node")
                                     << QStringList{QStringLiteral("--env-file=exported"),
                                                    script + QStringLiteral("/node_env_reader.js"),
                                                    QStringLiteral("node"), QStringLiteral("SDX_")};
}

void TestDotenvRoundTrip::roundTrip()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    ReaderCommand reader;
    reader.label = QString::fromLatin1(QTest::currentDataTag());
    reader.program = program;
    reader.arguments = arguments;
    reader.output = ReaderCommand::Output::Base64Json;
    reader.environment.insert(QStringLiteral("SECRETDESK_NODE_READERS"),
                              qEnvironmentVariable("SECRETDESK_NODE_READERS"));
    const RoundTripReport report = ReaderRoundTrip::run(m_exporter, m_values, reader);
    QStringList codes;
    for (auto it = report.refusalCodes.cbegin(); it != report.refusalCodes.cend(); ++it)
        codes.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    qInfo("%s: %d accepted, %d refused (%s)", QTest::currentDataTag(), report.accepted, report.refused,
          qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY2(report.failures.isEmpty(), qPrintable(report.failures.mid(0, 10).join(QLatin1Char('\n'))));
    QVERIFY(report.accepted >= 1000);
}

void TestDotenvRoundTrip::refusalsNameTheReader()
{
    int refused = 0;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const Status status = m_exporter.check({QStringLiteral("V%1").arg(i), m_values.at(i)});
        if (status.ok())
            continue;
        ++refused;
        const Diagnostic &error = status.error();
        QVERIFY(error.code.startsWith(QLatin1String("EXPORT_DOTENV_")));
        if (error.code.endsWith(QLatin1String("_NUL")) || error.code.endsWith(QLatin1String("_UTF8")))
            continue;
        const bool namesReader = error.message.contains(QLatin1String("python-dotenv")) ||
                                 error.message.contains(QLatin1String("npm dotenv")) ||
                                 error.message.contains(QLatin1String("node --env-file"));
        QVERIFY2(namesReader, qPrintable(error.message));
    }
    QVERIFY(refused > 0);
}

// Refusing is only allowed where a reader really disagrees: a value without a carriage return,
// "${", a quote character or a backslash always has a quoting all three read alike.
void TestDotenvRoundTrip::plainValuesAreNeverRefused()
{
    int plain = 0;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const QByteArray &value = m_values.at(i);
        if (value.contains('\r') || value.contains("${") || value.contains('\'') || value.contains('"') ||
            value.contains('\\') || value.contains('\0') || QString::fromUtf8(value).toUtf8() != value)
            continue;
        ++plain;
        const Status status = m_exporter.check({QStringLiteral("V%1").arg(i), value});
        QVERIFY2(status.ok(),
                 qPrintable(ExportCorpus::describe(value) + QStringLiteral(": ") + status.error().message));
    }
    QVERIFY(plain >= 500);
}

// The other direction: a refused value must really have no quoting the three readers agree on.
// Each refused value is written in each quoting ('...', "...", bare) to a file of its own and read by
// all three readers (node through util.parseEnv, the parser --env-file uses), followed by ordinary
// quoted neighbours; none may come back identical from all three.
void TestDotenvRoundTrip::refusalsAreNecessary()
{
    QMap<QString, int> perCode;
    QList<QByteArray> refused;
    for (const QByteArray &value : std::as_const(m_values)) {
        const Status status = m_exporter.check({QStringLiteral("V"), value});
        if (status.ok() || status.error().code.endsWith(QLatin1String("_NUL")) ||
            status.error().code.endsWith(QLatin1String("_UTF8")))
            continue;
        if (++perCode[status.error().code] <= 120) // enough of each kind, and the test stays quick
            refused.append(value);
    }
    QVERIFY(refused.size() >= 200);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const char quotes[] = {'\'', '"', 0};
    QStringList files;
    for (qsizetype i = 0; i < refused.size(); ++i) {
        for (int q = 0; q < 3; ++q) {
            QByteArray text = "V=";
            if (quotes[q])
                text += quotes[q] + refused.at(i) + quotes[q];
            else
                text += refused.at(i);
            files.append(dir.filePath(QStringLiteral("v%1_%2").arg(i).arg(q)));
            QFile file(files.last());
            // Neighbours as the exporter writes them, holding every quote character: a quoting that
            // only works at the end of a file (an unclosed leading quote) must not count.
            text += "\nW1=\"'`\"\nW2='\"'\n";
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
        }
    }
    const QString script = ReaderRoundTrip::scriptDir();
    const QList<QPair<QString, QStringList>> readers{
        {QStringLiteral("/usr/bin/python3"),
         QStringList{script + QStringLiteral("/python_env_reader.py"), QStringLiteral("--each")}},
        {QStringLiteral("node"),
         QStringList{script + QStringLiteral("/node_env_reader.js"), QStringLiteral("npm-each")}},
        {QStringLiteral("node"),
         QStringList{script + QStringLiteral("/node_env_reader.js"), QStringLiteral("node-each")}}};
    QList<QJsonObject> readings;
    for (const auto &[program, arguments] : readers) {
        QProcess process;
        QProcessEnvironment environment = ReaderCommand::cleanEnvironment();
        environment.insert(QStringLiteral("SECRETDESK_NODE_READERS"),
                           qEnvironmentVariable("SECRETDESK_NODE_READERS"));
        process.setProcessEnvironment(environment);
        process.start(program, arguments + files);
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        readings.append(QJsonDocument::fromJson(process.readAllStandardOutput()).object());
    }
    QStringList unnecessary;
    for (qsizetype i = 0; i < refused.size(); ++i) {
        for (int q = 0; q < 3; ++q) {
            const QString file = files.at(i * 3 + q);
            const bool allExact =
                std::all_of(readings.cbegin(), readings.cend(), [&](const QJsonObject &reading) {
                    const QJsonValue read = reading.value(file).toObject().value(QStringLiteral("V"));
                    return read.isString() &&
                           QByteArray::fromBase64(read.toString().toLatin1()) == refused.at(i);
                });
            if (allExact)
                unnecessary.append(QStringLiteral("quoting %1 reads the same in all three: %2")
                                       .arg(QLatin1String(q == 0   ? "'...'"
                                                          : q == 1 ? "\"...\""
                                                                   : "bare"),
                                            ExportCorpus::describe(refused.at(i))));
        }
    }
    QVERIFY2(unnecessary.isEmpty(),
             qPrintable(QStringLiteral("%1 refusals are unnecessary:\n").arg(unnecessary.size()) +
                        unnecessary.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestDotenvRoundTrip::quotingChoice_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected"); // quoting letter, or the refusal code
    QTest::newRow("plain") << QByteArray("abc") << QStringLiteral("single");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("single");
    QTest::newRow("apostrophe") << QByteArray("it's") << QStringLiteral("double");
    QTest::newRow("both quotes, bare") << QByteArray("it's \"x\"") << QStringLiteral("bare");
    QTest::newRow("both quotes and #") << QByteArray("it's \"#\"") << QStringLiteral("DOTENV_UNQUOTABLE");
    QTest::newRow("double backslash") << QByteArray("a\\\\b") << QStringLiteral("bare");
    QTest::newRow("double backslash, spaced")
        << QByteArray(" a\\\\b ") << QStringLiteral("DOTENV_UNQUOTABLE");
    QTest::newRow("final backslash") << QByteArray("end\\") << QStringLiteral("bare");
    QTest::newRow("final backslash, spaced") << QByteArray("a end\\") << QStringLiteral("bare");
    QTest::newRow("hash and apostrophe") << QByteArray("it's #1") << QStringLiteral("double");
    QTest::newRow("line feed") << QByteArray("a\nb") << QStringLiteral("single");
    QTest::newRow("literal backslash n with quote") << QByteArray("\"\\n") << QStringLiteral("single");
    QTest::newRow("backslash n, apostrophe") << QByteArray("'\\n ") << QStringLiteral("DOTENV_UNQUOTABLE");
    QTest::newRow("interpolation") << QByteArray("${HOME}") << QStringLiteral("DOTENV_INTERPOLATION");
    QTest::newRow("carriage return") << QByteArray("a\r\nb") << QStringLiteral("DOTENV_CR");
    QTest::newRow("dollar without brace") << QByteArray("$HOME") << QStringLiteral("single");
}

void TestDotenvRoundTrip::quotingChoice()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    const Result<DotenvExporter::Quoting> quoting = DotenvExporter::quotingFor(value);
    if (!quoting.ok()) {
        QCOMPARE(quoting.error().code, expected);
        return;
    }
    const QString names[] = {QStringLiteral("single"), QStringLiteral("double"), QStringLiteral("bare")};
    QCOMPARE(names[static_cast<int>(*quoting)], expected);
}

QTEST_GUILESS_MAIN(TestDotenvRoundTrip)
#include "tst_DotenvRoundTrip.moc"
