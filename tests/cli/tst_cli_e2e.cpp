#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

// The real secretdesk-cli binary, as a user runs it: values on stdin, results on stdout, exit codes.
class TestCliEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void roundTripThroughTheKeychain();
    void everyExitCode();
    void keychainUnavailableIsExitThreeAndChangesNothing();
    void valuesNeverReachFilesOrArguments();

private:
    using Run = test::CliRun;
    Run cli(const QStringList &args, const QByteArray &input = {}, const QStringList &extraEnv = {});
    std::unique_ptr<test::TempHome> m_home;
    QString m_service;
};

TestCliEndToEnd::Run TestCliEndToEnd::cli(const QStringList &args, const QByteArray &input,
                                          const QStringList &extraEnv)
{
    QStringList env = m_home->environment(QProcess::systemEnvironment());
    env << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service << extraEnv;
    return test::runCliProcess(QStringLiteral(SECRETDESK_CLI_PATH), args, env, input);
}

void TestCliEndToEnd::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestCliEndToEnd::init()
{
    m_home = std::make_unique<test::TempHome>();
    m_service = test::uniqueKeychainService(QStringLiteral("e2e"));
}

void TestCliEndToEnd::roundTripThroughTheKeychain()
{
    const QByteArray value = "line one\nline 'two' \"three\" $HOME `x` \xE2\x82\xAC";
    Run r = cli(
        {QStringLiteral("set"), QStringLiteral("MULTI"), QStringLiteral("--stdin"), QStringLiteral("--raw")},
        value);
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    r = cli({QStringLiteral("get"), QStringLiteral("MULTI")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, value);
    QVERIFY(r.err.isEmpty());

    r = cli({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);

    QCOMPARE(cli({QStringLiteral("rm"), QStringLiteral("MULTI")}).code, 0);
    QCOMPARE(
        QJsonDocument::fromJson(cli({QStringLiteral("list"), QStringLiteral("--json")}).out).array().size(),
        0);
}

void TestCliEndToEnd::everyExitCode()
{
    QCOMPARE(cli({QStringLiteral("--version")}).code, 0);
    QVERIFY(cli({QStringLiteral("--version")}).out.startsWith("secretdesk-cli "));
    QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("bad-name"), QStringLiteral("--stdin")}, "x").code,
             1);
    QCOMPARE(cli({QStringLiteral("get"), QStringLiteral("ABSENT")}).code, 2);
    QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("X"), QStringLiteral("--stdin")}, "x",
                 {QStringLiteral("DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus")})
                 .code,
             3);
    // 4 and 5 belong to the cloud commands and are tested with them.
}

void TestCliEndToEnd::keychainUnavailableIsExitThreeAndChangesNothing()
{
    QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("KEPT"), QStringLiteral("--stdin")}, "original").code,
             0);
    const QStringList noBus{QStringLiteral("DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus")};
    const Run failed =
        cli({QStringLiteral("set"), QStringLiteral("KEPT"), QStringLiteral("--stdin")}, "replacement", noBus);
    QCOMPARE(failed.code, 3);
    QVERIFY2(failed.err.contains("keychain is unavailable"), failed.err.constData());
    QVERIFY(!failed.err.contains("replacement"));
    QCOMPARE(cli({QStringLiteral("get"), QStringLiteral("KEPT")}, {}, noBus).code, 3);
    QCOMPARE(cli({QStringLiteral("get"), QStringLiteral("KEPT")}).out, QByteArray("original"));
}

void TestCliEndToEnd::valuesNeverReachFilesOrArguments()
{
    QList<QByteArray> markers;
    for (int i = 0; i < 5; ++i)
        markers << QByteArray("mk") + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    for (int i = 0; i < markers.size(); ++i) {
        const QString name = QStringLiteral("LEAK_%1").arg(i);
        QCOMPARE(cli({QStringLiteral("set"), name, QStringLiteral("--stdin")}, markers.at(i)).code, 0);
        const Run got = cli({QStringLiteral("get"), name});
        QCOMPARE(got.out, markers.at(i));
        QVERIFY(!got.err.contains(markers.at(i)));
    }
    cli({QStringLiteral("list")});
    cli({QStringLiteral("rm"), QStringLiteral("LEAK_0")});
    for (const QByteArray &marker : markers)
        QCOMPARE(m_home->filesContaining(marker), QStringList());
}

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "tst_cli_e2e.moc"
