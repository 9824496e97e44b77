#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace secretdesk;

// `secretdesk-cli run` and `export --output` through the real binary: what the child sees, exit
// codes, signals, masking, file modes, and that nothing else is written.
class TestRunEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void childSeesExactValuesInBothStyles();
    void exitCodeIsPassedThrough_data();
    void exitCodeIsPassedThrough();
    void terminationSignalsReachTheChild();
    void maskHidesValuesInOutput();
    void unknownNameStartsNothing();
    void exportToFileIsPrivate();
    void nothingIsWrittenToDisk();

private:
    using Run = test::CliRun;
    Run cli(const QStringList &args, const QByteArray &input = {});
    void set(const QString &name, const QByteArray &value, const QStringList &extra = {});
    QStringList environment() const;

    std::unique_ptr<test::TempHome> m_home;
    QString m_service;
};

QStringList TestRunEndToEnd::environment() const
{
    return m_home->environment(QProcess::systemEnvironment())
           << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service;
}

TestRunEndToEnd::Run TestRunEndToEnd::cli(const QStringList &args, const QByteArray &input)
{
    return test::runCliProcess(QStringLiteral(SECRETDESK_CLI_PATH), args, environment(), input,
                               m_home->path());
}

void TestRunEndToEnd::set(const QString &name, const QByteArray &value, const QStringList &extra)
{
    const Run r = cli(
        QStringList{QStringLiteral("set"), name, QStringLiteral("--stdin"), QStringLiteral("--raw")} + extra,
        value);
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestRunEndToEnd::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestRunEndToEnd::init()
{
    m_home = std::make_unique<test::TempHome>();
    m_service = test::uniqueKeychainService(QStringLiteral("run"));
}

void TestRunEndToEnd::childSeesExactValuesInBothStyles()
{
    const QByteArray tricky = "it's $HOME `id` \"q\" \\ line\nnext \xE2\x80\x99";
    set(QStringLiteral("TRICKY"), tricky);
    // Plain: the child gets the bytes as they are.
    Run r = cli({QStringLiteral("run"), QStringLiteral("--style"), QStringLiteral("plain"),
                 QStringLiteral("--"), QStringLiteral("printenv"), QStringLiteral("TRICKY")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, tricky + '\n');
    // Context (the default target): the Prefect variable is set, the plain one is not.
    r = cli({QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral(
                 "printenv PREFECT__CONTEXT__SECRETS__TRICKY >/dev/null && ! printenv TRICKY >/dev/null")});
    QCOMPARE(r.code, 0);
}

void TestRunEndToEnd::exitCodeIsPassedThrough_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("code");
    QTest::newRow("zero") << QStringList{QStringLiteral("true")} << 0;
    QTest::newRow("seven") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                          QStringLiteral("exit 7")}
                           << 7;
    QTest::newRow("killed by signal")
        << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -9 $$")} << 128 + 9;
    QTest::newRow("not found") << QStringList{QStringLiteral("secretdesk-no-such-program")} << 127;
}

void TestRunEndToEnd::exitCodeIsPassedThrough()
{
    QFETCH(QStringList, command);
    QFETCH(int, code);
    set(QStringLiteral("ANY"), "v");
    QCOMPARE(cli(QStringList{QStringLiteral("run"), QStringLiteral("--")} + command).code, code);
}

void TestRunEndToEnd::terminationSignalsReachTheChild()
{
    set(QStringLiteral("ANY"), "v");
    const QString marker = m_home->path() + QStringLiteral("/got-term");
    QProcess process;
    process.setEnvironment(environment());
    // The child notes the TERM it receives, then exits 42: run must wait for it and pass 42 on.
    process.start(
        QStringLiteral(SECRETDESK_CLI_PATH),
        {QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("trap 'touch \"%1\"; exit 42' TERM; touch \"%1.ready\"; while :; do sleep 0.05; done")
             .arg(marker)});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker + QStringLiteral(".ready")), 10000);
    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 42);
    QVERIFY(QFile::exists(marker));
}

void TestRunEndToEnd::maskHidesValuesInOutput()
{
    const QByteArray value = "mask-me-" + QByteArray::number(QRandomGenerator::global()->generate(), 36);
    set(QStringLiteral("MASKED"), value, {QStringLiteral("--target"), QStringLiteral("both")});
    const Run r =
        cli({QStringLiteral("run"), QStringLiteral("--mask"), QStringLiteral("--"), QStringLiteral("sh"),
             QStringLiteral("-c"),
             QStringLiteral("echo out:$MASKED; echo err:$MASKED >&2; printf %s \"$MASKED\" | cut -c1-3")});
    QCOMPARE(r.code, 0);
    QVERIFY2(!r.out.contains(value) && !r.err.contains(value), r.out.constData());
    QVERIFY(r.out.startsWith("out:*****\n"));
    QVERIFY(r.err.contains("err:*****"));
    QVERIFY(r.out.endsWith(value.left(3) + '\n')); // a 3-byte piece is not the value
}

void TestRunEndToEnd::unknownNameStartsNothing()
{
    const QString marker = m_home->path() + QStringLiteral("/started");
    const Run r = cli({QStringLiteral("run"), QStringLiteral("--names"), QStringLiteral("NOT_THERE"),
                       QStringLiteral("--"), QStringLiteral("touch"), marker});
    QCOMPARE(r.code, 2);
    QVERIFY(!QFile::exists(marker));
}

void TestRunEndToEnd::exportToFileIsPrivate()
{
    set(QStringLiteral("EXPORTED"), "value with 'quotes'");
    const QString file = m_home->path() + QStringLiteral("/out.env");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("posix"),
                       QStringLiteral("--style"), QStringLiteral("plain"), QStringLiteral("--output"), file});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QFile::permissions(file), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadUser | QFileDevice::WriteUser);
    QProcess sh;
    sh.start(QStringLiteral("sh"),
             {QStringLiteral("-c"), QStringLiteral(". \"$1\" && printf %s \"$EXPORTED\""),
              QStringLiteral("sh"), file});
    QVERIFY(sh.waitForFinished());
    QCOMPARE(sh.readAllStandardOutput(), QByteArray("value with 'quotes'"));
}

void TestRunEndToEnd::nothingIsWrittenToDisk()
{
    const QByteArray marker = "leak-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    set(QStringLiteral("LEAKY"), marker, {QStringLiteral("--target"), QStringLiteral("both")});
    QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("true")}).code, 0);
    QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("--mask"), QStringLiteral("--"),
                  QStringLiteral("printenv")})
                 .code,
             0);
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("dotenv")}).code, 0);
    QCOMPARE(m_home->filesContaining(marker), QStringList());
}

QTEST_GUILESS_MAIN(TestRunEndToEnd)
#include "tst_run_e2e.moc"
