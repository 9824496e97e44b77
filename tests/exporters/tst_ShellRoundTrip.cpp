// Every export for posix, bash, zsh and fish is evaluated in the real shell (dash, bash, zsh, fish)
// and read back with env -0: each value the exporter accepts must come back byte for byte, and no
// value may run code or set a variable of its own.
#include "ExportCorpus.h"
#include "ReaderRoundTrip.h"
#include "core/exporters/ExporterRegistry.h"

#include <QStandardPaths>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

class TestShellRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void refusedValueWritesNothing();
    void harnessCatchesUnsafeQuoting();

private:
    QList<QByteArray> m_values;
    ExporterRegistry m_registry = ExporterRegistry::withBuiltins();
};

void TestShellRoundTrip::initTestCase()
{
    m_values = ExportCorpus::adversarial();
    QVERIFY2(m_values.size() >= 500,
             "the adversarial corpus needs tests/data/exporters/adversarial-atoms.json");
    m_values += ExportCorpus::seededRandom(2000, 20261129);
}

void TestShellRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    const QString posixRead = QStringLiteral(". ./exported && exec env -0");
    QTest::newRow("posix in sh") << QStringLiteral("posix") << QStringLiteral("/bin/sh")
                                 << QStringList{QStringLiteral("-c"), posixRead};
    QTest::newRow("posix in dash") << QStringLiteral("posix") << QStringLiteral("dash")
                                   << QStringList{QStringLiteral("-c"), posixRead};
    QTest::newRow("posix in bash") << QStringLiteral("posix") << QStringLiteral("bash")
                                   << QStringList{QStringLiteral("--norc"), QStringLiteral("--noprofile"),
                                                  QStringLiteral("-c"), posixRead};
    QTest::newRow("posix in zsh") << QStringLiteral("posix") << QStringLiteral("zsh")
                                  << QStringList{QStringLiteral("-f"), QStringLiteral("-c"), posixRead};
    QTest::newRow("bash in bash") << QStringLiteral("bash") << QStringLiteral("bash")
                                  << QStringList{QStringLiteral("--norc"), QStringLiteral("--noprofile"),
                                                 QStringLiteral("-c"), posixRead};
    QTest::newRow("bash in bash --posix")
        << QStringLiteral("bash") << QStringLiteral("bash")
        << QStringList{QStringLiteral("--posix"), QStringLiteral("--norc"), QStringLiteral("-c"), posixRead};
    QTest::newRow("zsh in zsh") << QStringLiteral("zsh") << QStringLiteral("zsh")
                                << QStringList{QStringLiteral("-f"), QStringLiteral("-c"), posixRead};
    // The documented one-liners: eval "$(secretdesk export ...)" and secretdesk export ... | source.
    const QString evalRead = QStringLiteral("eval \"$(cat exported)\" && exec env -0");
    QTest::newRow("posix via eval in dash")
        << QStringLiteral("posix") << QStringLiteral("dash") << QStringList{QStringLiteral("-c"), evalRead};
    QTest::newRow("bash via eval in bash")
        << QStringLiteral("bash") << QStringLiteral("bash")
        << QStringList{QStringLiteral("--norc"), QStringLiteral("-c"), evalRead};
    QTest::newRow("fish via | source")
        << QStringLiteral("fish") << QStringLiteral("fish")
        << QStringList{QStringLiteral("--no-config"), QStringLiteral("-c"),
                       QStringLiteral("cat exported | source; and exec env -0")};
    QTest::newRow("fish in fish") << QStringLiteral("fish") << QStringLiteral("fish")
                                  << QStringList{QStringLiteral("--no-config"), QStringLiteral("-c"),
                                                 QStringLiteral("source exported; and exec env -0")};
}

void TestShellRoundTrip::roundTrip()
{
    QFETCH(QString, target);
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    if (QStandardPaths::findExecutable(program).isEmpty() && !QFile::exists(program))
        QFAIL(qPrintable(program + QStringLiteral(" is not installed (scripts/packages/exporters.txt)")));
    const Exporter *exporter = m_registry.find(target);
    QVERIFY(exporter);
    ReaderCommand reader;
    reader.label = QString::fromLatin1(QTest::currentDataTag());
    reader.program = program;
    reader.arguments = arguments;
    const RoundTripReport report = ReaderRoundTrip::run(*exporter, m_values, reader);
    qInfo("%s: %d accepted, %d refused", QTest::currentDataTag(), report.accepted, report.refused);
    QVERIFY2(report.failures.isEmpty(), qPrintable(report.failures.mid(0, 10).join(QLatin1Char('\n'))));
    // Shell single quotes carry everything but NUL and invalid UTF-8; a broad refusal is a defect too.
    QVERIFY2(report.refused <= 2, qPrintable(QStringLiteral("refused %1").arg(report.refused)));
    QVERIFY(report.accepted >= 2500);
}

void TestShellRoundTrip::refusedValueWritesNothing()
{
    for (const QString &id : {QStringLiteral("posix"), QStringLiteral("fish")}) {
        const Exporter *exporter = m_registry.find(id);
        const QList<ExportEntry> entries{{QStringLiteral("GOOD"), "fine"},
                                         {QStringLiteral("BAD"), QByteArray("a\0b", 3)}};
        const Result<QByteArray> text = exporter->render(entries);
        QVERIFY(!text.ok());
        QVERIFY2(text.error().code.endsWith(QLatin1String("_NUL")), qPrintable(text.error().code));
        QVERIFY(!text.error().message.toUtf8().contains(QByteArray("a\0b", 3)));
    }
}

// The harness itself must notice executed code and changed bytes: an exporter that wraps values in
// double quotes (what several tools do) has to fail it.
class DoubleQuotingExporter : public Exporter {
public:
    QString id() const override { return QStringLiteral("unsafe"); }
    QString displayName() const override { return id(); }
    Status check(const ExportEntry &) const override { return Status::success(); }

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override
    {
        out += "export " + entry.name.toLatin1() + "=\"" + entry.value + "\"\n";
    }
};

void TestShellRoundTrip::harnessCatchesUnsafeQuoting()
{
    ReaderCommand reader;
    reader.label = QStringLiteral("bash");
    reader.program = QStringLiteral("bash");
    reader.arguments = {QStringLiteral("--norc"), QStringLiteral("-c"),
                        QStringLiteral(". ./exported && exec env -0")};
    const RoundTripReport ran =
        ReaderRoundTrip::run(DoubleQuotingExporter(), {"$(touch pwned_probe)"}, reader);
    QVERIFY(!ran.failures.isEmpty());
    QVERIFY2(ran.failures.first().contains(QLatin1String("pwned_probe")), qPrintable(ran.failures.first()));
    const RoundTripReport changed = ReaderRoundTrip::run(DoubleQuotingExporter(), {"a\\$HOME"}, reader);
    QVERIFY(!changed.failures.isEmpty());
    QVERIFY2(changed.failures.first().contains(QLatin1String("differs")),
             qPrintable(changed.failures.first()));
}

QTEST_GUILESS_MAIN(TestShellRoundTrip)
#include "tst_ShellRoundTrip.moc"
