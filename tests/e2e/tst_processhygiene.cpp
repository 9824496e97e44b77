#include "core/platform/ProcessHardening.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace secretdesk;
using namespace secretdesk::test;

namespace {

// "Max core file size  <soft>  <hard>  bytes" of a running process, or empty.
QByteArray coreLimitOf(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size"))
            return line.mid(int(qstrlen("Max core file size"))).simplified();
    }
    return {};
}

} // namespace

// Both binaries switch core dumps off and make themselves non-dumpable before anything else, so a
// crash or a debugger of the same user never gets the values in their memory.
class TestProcessHygiene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cliRunsWithoutCoreDumps();
    void guiRunsWithoutCoreDumps();
    // Last: it hardens this process, whose limits the children above inherit.
    void hardeningTurnsDumpsOff();
};

void TestProcessHygiene::initTestCase()
{
    // Start from dumps allowed, so that every check below can only pass because of the binaries.
    rlimit allowed{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &allowed), 0);
    allowed.rlim_cur = allowed.rlim_max;
    QCOMPARE(setrlimit(RLIMIT_CORE, &allowed), 0);
    QVERIFY2(allowed.rlim_cur > 0, "the test cannot allow core dumps here, so it cannot tell them off");
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
}

void TestProcessHygiene::hardeningTurnsDumpsOff()
{
    hardenProcess();
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    rlimit after{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &after), 0);
    QCOMPARE(after.rlim_cur, rlim_t(0));
    QCOMPARE(after.rlim_max, rlim_t(0));
}

void TestProcessHygiene::cliRunsWithoutCoreDumps()
{
    // The child prints its parent's (secretdesk-cli's) limits while the CLI waits for it.
    TempHome home;
    QStringList env = home.environment(QProcess::systemEnvironment());
    env << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + uniqueKeychainService(QStringLiteral("hygiene"));
    const CliRun run = runCliProcess(QStringLiteral(SECRETDESK_CLI_PATH),
                                     {QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("sh"),
                                      QStringLiteral("-c"), QStringLiteral("cat /proc/$PPID/limits")},
                                     env);
    QVERIFY2(run.code == 0, run.err.constData());
    const QRegularExpression core(QStringLiteral("Max core file size\\s+0\\s+0\\s"));
    QVERIFY2(core.match(QString::fromUtf8(run.out)).hasMatch(), run.out.constData());
}

void TestProcessHygiene::guiRunsWithoutCoreDumps()
{
    TempHome home;
    QProcess gui;
    QStringList env = home.environment(QProcess::systemEnvironment());
    env << QStringLiteral("QT_QPA_PLATFORM=offscreen")
        << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") +
               uniqueKeychainService(QStringLiteral("hygiene-gui"));
    gui.setEnvironment(env);
    gui.start(QStringLiteral(SECRETDESK_GUI_PATH), {});
    QVERIFY(gui.waitForStarted());
    // hardenProcess() is the first thing main() does; the window then keeps the process alive.
    QTRY_COMPARE_WITH_TIMEOUT(coreLimitOf(gui.processId()), QByteArray("0 0 bytes"), 10000);
    QCOMPARE(gui.state(), QProcess::Running);
    gui.kill();
    gui.waitForFinished();
}

QTEST_GUILESS_MAIN(TestProcessHygiene)
#include "tst_processhygiene.moc"
