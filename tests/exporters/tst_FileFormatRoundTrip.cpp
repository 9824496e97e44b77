// docker-env, github-actions and json exports, read back by the rules of their readers: the JSON
// file by node's JSON.parse; the docker --env-file and $GITHUB_ENV files (docker and the Actions
// runner cannot run here) by parsers that follow docker/cli pkg/kvfile and the runner's
// SetEnvFileCommand line by line. Accepted values must come back byte for byte.
#include "ExportCorpus.h"
#include "ReaderRoundTrip.h"
#include "core/exporters/ExporterRegistry.h"
#include "core/exporters/GithubActionsExporter.h"

#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

namespace {

// docker/cli pkg/kvfile: lines split at \n with one trailing \r dropped (bufio.ScanLines); leading
// white space trimmed; blank and # lines skipped; NAME=value cut at the first =, value kept raw.
Environment readDockerEnvFile(const QByteArray &text)
{
    Environment environment;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        line = line.trimmed().isEmpty() ? QByteArray() : line.mid(line.indexOf(line.trimmed().front()));
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            return {}; // a bare NAME would copy the host's value: never written by the exporter
        environment.insert(QString::fromUtf8(line.left(eq)), line.mid(eq + 1));
    }
    return environment;
}

// actions/runner SetEnvFileCommand: NAME=value lines, or NAME<<DELIMITER followed by lines up to
// one equal to DELIMITER; a line break is \n or \r\n; the value is the raw text from the block's
// first line to the end of its last line, without that line's break.
Environment readGithubEnvFile(const QByteArray &text)
{
    Environment environment;
    qsizetype at = 0;
    // The next line without its break, and the break's length; false at the end of the text.
    auto readLine = [&](QByteArray &line, qsizetype &breakLength) {
        if (at >= text.size())
            return false;
        qsizetype end = text.indexOf('\n', at);
        breakLength = end < 0 ? 0 : 1;
        if (end < 0)
            end = text.size();
        if (end > at && text.at(end - 1) == '\r' && breakLength == 1) {
            --end;
            breakLength = 2;
        }
        line = text.mid(at, end - at);
        at = end + breakLength;
        return true;
    };
    QByteArray line;
    qsizetype breakLength = 0;
    while (readLine(line, breakLength)) {
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf('=');
        const qsizetype heredoc = line.indexOf("<<");
        if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
            environment.insert(QString::fromUtf8(line.left(eq)), line.mid(eq + 1));
            continue;
        }
        const QString name = QString::fromUtf8(line.left(heredoc));
        const QByteArray delimiter = line.mid(heredoc + 2);
        const qsizetype start = at;
        qsizetype end = at;
        QByteArray body;
        for (;;) {
            if (!readLine(body, breakLength))
                return {}; // unterminated block: the runner fails the step
            if (body == delimiter)
                break;
            end = at - breakLength;
        }
        environment.insert(name, end > start ? text.mid(start, end - start) : QByteArray());
    }
    return environment;
}

} // namespace

class TestFileFormatRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void delimiterNeverOccursInValues();
    void dockerRefusesWhatItCannotCarry();

private:
    QList<QByteArray> m_values;
    ExporterRegistry m_registry = ExporterRegistry::withBuiltins();
};

void TestFileFormatRoundTrip::initTestCase()
{
    m_values = ExportCorpus::standard();
    QVERIFY(m_values.size() >= 2500);
}

void TestFileFormatRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("target");
    // The only reasons each target may give: anything else would refuse a value it can carry.
    QTest::addColumn<QStringList>("allowedRefusals");
    const QString nul = QStringLiteral("_NUL"), utf8 = QStringLiteral("_UTF8");
    QTest::newRow("json") << QStringLiteral("json") << QStringList{nul, utf8};
    QTest::newRow("docker-env") << QStringLiteral("docker-env")
                                << QStringList{nul, utf8, QStringLiteral("_NEWLINE"), QStringLiteral("_CR"),
                                               QStringLiteral("_TOO_LONG")};
    QTest::newRow("github-actions") << QStringLiteral("github-actions")
                                    << QStringList{nul, utf8, QStringLiteral("_CR")};
}

void TestFileFormatRoundTrip::roundTrip()
{
    QFETCH(QString, target);
    QFETCH(QStringList, allowedRefusals);
    ReaderCommand reader;
    reader.label = target;
    if (target == QLatin1String("json")) {
        reader.program = QStringLiteral("node");
        reader.arguments = {ReaderRoundTrip::scriptDir() + QStringLiteral("/node_env_reader.js"),
                            QStringLiteral("json"), QStringLiteral("exported")};
        reader.output = ReaderCommand::Output::Base64Json;
    } else if (target == QLatin1String("docker-env")) {
        reader.inProcess = readDockerEnvFile;
    } else {
        reader.inProcess = readGithubEnvFile;
    }
    const RoundTripReport report = ReaderRoundTrip::run(*m_registry.find(target), m_values, reader);
    QStringList codes;
    for (auto it = report.refusalCodes.cbegin(); it != report.refusalCodes.cend(); ++it)
        codes.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    qInfo("%s: %d accepted, %d refused (%s)", qPrintable(target), report.accepted, report.refused,
          qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY2(report.failures.isEmpty(), qPrintable(report.failures.mid(0, 10).join(QLatin1Char('\n'))));
    for (auto it = report.refusalCodes.cbegin(); it != report.refusalCodes.cend(); ++it) {
        const bool allowed = std::any_of(allowedRefusals.cbegin(), allowedRefusals.cend(),
                                         [&](const QString &suffix) { return it.key().endsWith(suffix); });
        QVERIFY2(allowed, qPrintable(it.key()));
    }
    QVERIFY(report.accepted >= 1000);
}

void TestFileFormatRoundTrip::delimiterNeverOccursInValues()
{
    // A source that first offers delimiters planted in the values must be asked again.
    QList<QByteArray> offers{"EOF", "ghadelimiter_1", "SAFE"};
    GithubActionsExporter exporter(
        [&offers] { return offers.isEmpty() ? QByteArray("LAST") : offers.takeFirst(); });
    const QList<ExportEntry> entries{{QStringLiteral("A"), "line\nEOF\nB=1"},
                                     {QStringLiteral("B"), "ghadelimiter_1"}};
    const Result<QByteArray> text = exporter.render(entries);
    QVERIFY(text.ok());
    QCOMPARE(*text, QByteArray("A<<SAFE\nline\nEOF\nB=1\nSAFE\nB<<SAFE\nghadelimiter_1\nSAFE\n"));
    QCOMPARE(readGithubEnvFile(*text).value(QStringLiteral("A")), QByteArray("line\nEOF\nB=1"));
    // The system source gives a fresh delimiter each time.
    QVERIFY(GithubActionsExporter::randomDelimiter() != GithubActionsExporter::randomDelimiter());
    QCOMPARE(GithubActionsExporter::randomDelimiter().size(), 13 + 32);
}

void TestFileFormatRoundTrip::dockerRefusesWhatItCannotCarry()
{
    const Exporter *docker = m_registry.find(QStringLiteral("docker-env"));
    QCOMPARE(docker->check({QStringLiteral("A"), "a\nb"}).error().code,
             QStringLiteral("EXPORT_DOCKER_NEWLINE"));
    QCOMPARE(docker->check({QStringLiteral("A"), "a\rb"}).error().code, QStringLiteral("EXPORT_DOCKER_CR"));
    QCOMPARE(docker->check({QStringLiteral("A"), QByteArray(70000, 'x')}).error().code,
             QStringLiteral("EXPORT_DOCKER_TOO_LONG"));
    QVERIFY(docker->check({QStringLiteral("A"), "'quoted' \"kept\" $X #"}).ok());
}

QTEST_GUILESS_MAIN(TestFileFormatRoundTrip)
#include "tst_FileFormatRoundTrip.moc"
