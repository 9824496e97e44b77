#include "core/store/Catalog.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace secretdesk;

namespace {

constexpr int KeychainTimeoutMs = 1500;

// A keyring of our own (scripts/with-keyring around keyring-session.sh), so that stopping or
// locking it cannot disturb tests running beside this one. The daemon is always resumed.
class PrivateKeyring {
public:
    explicit PrivateKeyring(const QString &mode)
    {
        const QString source = qEnvironmentVariable("SECRETDESK_SOURCE_DIR");
        QStringList env = QProcess::systemEnvironment();
        env << QStringLiteral("KEYRING_MODE=") + mode;
        m_process.setEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral("sh"),
                        {source + QStringLiteral("/scripts/with-keyring"),
                         source + QStringLiteral("/tests/reliability/keyring-session.sh")});
        QElapsedTimer timer;
        timer.start();
        QByteArray out;
        while (!out.contains("READY\n") && timer.elapsed() < 20000 &&
               m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(500);
            out += m_process.readAllStandardOutput();
        }
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("KEYRING_PID="))
                m_pid = line.mid(12).toInt();
            else if (line.startsWith("DBUS_SESSION_BUS_ADDRESS=") || line.startsWith("XDG_RUNTIME_DIR="))
                m_environment << QString::fromUtf8(line);
        }
    }
    ~PrivateKeyring()
    {
        resume();
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    bool isValid() const { return m_pid > 0 && m_environment.size() == 2; }
    const QStringList &environment() const { return m_environment; }
    void stop() { m_stopped = ::kill(m_pid, SIGSTOP) == 0; }
    void resume()
    {
        if (m_stopped)
            ::kill(m_pid, SIGCONT);
        m_stopped = false;
    }

private:
    QProcess m_process;
    qint64 m_pid = 0;
    bool m_stopped = false;
    QStringList m_environment;
};

} // namespace

// Keychain missing (no bus), locked (the collection locked over D-Bus) and slow (its daemon
// stopped): every CLI command ends within its timeout with exit status 3, and nothing is lost or
// changed. `list` needs no keychain and still lists the names (exit 0).
class TestKeychainFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyCommandEndsWithExitThree_data();
    void everyCommandEndsWithExitThree();

private:
    test::CliRun cli(const QStringList &args, const QByteArray &input = {});
    std::unique_ptr<test::TempHome> m_home;
    QStringList m_keyringEnvironment;
    QString m_service;
};

void TestKeychainFaults::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

test::CliRun TestKeychainFaults::cli(const QStringList &args, const QByteArray &input)
{
    QStringList env = m_home->environment(QProcess::systemEnvironment());
    env.removeIf([](const QString &e) {
        return e.startsWith(QLatin1String("DBUS_SESSION_BUS_ADDRESS=")) ||
               e.startsWith(QLatin1String("XDG_RUNTIME_DIR="));
    });
    env << m_keyringEnvironment << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service
        << QStringLiteral("SECRETDESK_KEYCHAIN_TIMEOUT_MS=%1").arg(KeychainTimeoutMs);
    return test::runCliProcess(QStringLiteral(SECRETDESK_CLI_PATH), args, env, input);
}

void TestKeychainFaults::everyCommandEndsWithExitThree_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("missing: no session bus") << QStringLiteral("missing");
    QTest::newRow("locked: collection locked") << QStringLiteral("locked");
    QTest::newRow("slow: daemon stopped") << QStringLiteral("slow");
}

void TestKeychainFaults::everyCommandEndsWithExitThree()
{
    QFETCH(QString, fault);
    m_home = std::make_unique<test::TempHome>();
    m_service = test::uniqueKeychainService(QStringLiteral("faults"));
    std::unique_ptr<PrivateKeyring> keyring;
    m_keyringEnvironment.clear();
    if (fault != QLatin1String("missing")) {
        keyring = std::make_unique<PrivateKeyring>(
            fault == QLatin1String("locked") ? QStringLiteral("login") : QStringLiteral("session"));
        QVERIFY2(keyring->isValid(), "the private keyring did not start");
        m_keyringEnvironment = keyring->environment();
    } else {
        m_keyringEnvironment = QProcess::systemEnvironment().filter(QStringLiteral("XDG_RUNTIME_DIR="));
    }
    // Healthy first: two secrets the faults must not touch.
    if (keyring) {
        QCOMPARE(
            cli({QStringLiteral("set"), QStringLiteral("KEEP_A"), QStringLiteral("--stdin")}, "value-a").code,
            0);
        QCOMPARE(
            cli({QStringLiteral("set"), QStringLiteral("KEEP_B"), QStringLiteral("--stdin")}, "value-b").code,
            0);
    } else {
        // No keychain at all: a catalog written by an earlier run names the secrets.
        QVERIFY(QDir().mkpath(m_home->dataHome() + QStringLiteral("/secretdesk")));
        QFile catalog(m_home->catalogPath());
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"format":"secretdesk-catalog","version":1,"profiles":{"default":{"secrets":)"
                      R"({"KEEP_A":{"type":"string"},"KEEP_B":{"type":"string"}}}}})");
    }
    QFile catalogFile(m_home->catalogPath());
    QVERIFY(catalogFile.open(QIODevice::ReadOnly));
    const QByteArray catalogBefore = catalogFile.readAll();
    catalogFile.close();

    if (fault == QLatin1String("missing")) {
        m_keyringEnvironment << QStringLiteral("DBUS_SESSION_BUS_ADDRESS=unix:path=") + m_home->path() +
                                    QStringLiteral("/no-bus");
    } else if (fault == QLatin1String("locked")) {
        QProcess lock;
        QStringList env = QProcess::systemEnvironment();
        env.removeIf(
            [](const QString &e) { return e.startsWith(QLatin1String("DBUS_SESSION_BUS_ADDRESS=")); });
        lock.setEnvironment(env << m_keyringEnvironment);
        lock.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.secrets"),
                    QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
        QVERIFY(lock.waitForFinished(10000));
        QCOMPARE(lock.exitCode(), 0);
    } else {
        keyring->stop();
    }

    const QList<QStringList> commands{
        {QStringLiteral("get"), QStringLiteral("KEEP_A")},
        {QStringLiteral("set"), QStringLiteral("NEW_ONE"), QStringLiteral("--stdin")},
        {QStringLiteral("set"), QStringLiteral("KEEP_B"), QStringLiteral("--stdin")},
        {QStringLiteral("rm"), QStringLiteral("KEEP_A")},
        {QStringLiteral("rename"), QStringLiteral("KEEP_A"), QStringLiteral("RENAMED")},
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("dotenv")},
        {QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("true")},
        {QStringLiteral("doctor")},
    };
    for (const QStringList &args : commands) {
        QElapsedTimer timer;
        timer.start();
        const auto run = cli(args, "changed-value");
        const qint64 took = timer.elapsed();
        const QString what = args.join(QLatin1Char(' '));
        QVERIFY2(
            run.code == 3,
            qPrintable(
                QStringLiteral("%1: exit %2: %3").arg(what).arg(run.code).arg(QString::fromUtf8(run.err))));
        QVERIFY2(run.err.contains("keychain"),
                 qPrintable(what + QStringLiteral(": ") + QString::fromUtf8(run.err)));
        QVERIFY2(took < 3 * KeychainTimeoutMs + 5000,
                 qPrintable(QStringLiteral("%1 took %2 ms").arg(what).arg(took)));
        QVERIFY2(run.out.isEmpty() || args.first() == QLatin1String("doctor"), qPrintable(what));
    }
    // The catalog needs no keychain: names are still listed.
    const auto list = cli({QStringLiteral("list"), QStringLiteral("--names")});
    QCOMPARE(list.code, 0);
    QCOMPARE(list.out, QByteArray("KEEP_A\nKEEP_B\n"));

    // Same secrets, same metadata, no pending intent (a failed write clears the intent it noted).
    QVERIFY(catalogFile.open(QIODevice::ReadOnly));
    const auto after = Catalog::fromJson(catalogFile.readAll());
    catalogFile.close();
    QVERIFY(after.ok());
    QVERIFY(after->pending().isEmpty());
    QCOMPARE(after->toJson(), Catalog::fromJson(catalogBefore)->toJson());
    if (fault == QLatin1String("slow")) {
        // Back to normal: the values are as they were, nothing half-written.
        keyring->resume();
        QTest::qWait(500);
        QCOMPARE(cli({QStringLiteral("get"), QStringLiteral("KEEP_A")}).out, QByteArray("value-a"));
        QCOMPARE(cli({QStringLiteral("get"), QStringLiteral("KEEP_B")}).out, QByteArray("value-b"));
        const auto doctor = cli({QStringLiteral("doctor")});
        QVERIFY2(doctor.code == 0, doctor.out.constData());
    }
}

QTEST_GUILESS_MAIN(TestKeychainFaults)
#include "tst_keychainfaults.moc"
