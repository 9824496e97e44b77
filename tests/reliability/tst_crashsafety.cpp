#include "core/store/CatalogFile.h"
#include "core/store/KeychainVault.h"
#include "core/store/SecretStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace secretdesk;

// Kills a writing secretdesk-cli (set, rename, rm) with SIGKILL at random moments and checks after
// each kill that the catalog loads, doctor reports only what the interrupted operation explains,
// doctor --repair makes catalog and keychain agree, and no value the test set was lost.
//   SECRETDESK_CRASH_KILLS (default 200) and SECRETDESK_CRASH_SEED (default: random, printed).
class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedWritersLoseNothing();

private:
    struct Op {
        enum Kind { Set, Rename, Remove } kind = Set;
        QString name;
        QString to;       // rename
        QByteArray value; // set
        QStringList args() const;
        QStringList names() const { return to.isEmpty() ? QStringList{name} : QStringList{name, to}; }
    };
    Op pick();
    test::CliRun cli(const QStringList &args);
    // Starts the op and SIGKILLs it after `delayMs` unless it finished; true when it finished.
    bool runAndKill(const Op &op, int delayMs, int *exitCode);
    void checkDoctorExplains(const Op &op, bool finished);
    QMap<QString, QByteArray> observe();
    void checkNothingLost(const Op &op, const QMap<QString, QByteArray> &seen);

    std::unique_ptr<test::TempHome> m_home;
    QString m_service;
    std::unique_ptr<KeychainVault> m_vault;
    QRandomGenerator m_random;
    QMap<QString, QByteArray> m_model; // what the catalog and the keychain hold after each repair
    QStringList m_pool;
    QMap<QString, int> m_outcomes;
};

QStringList TestCrashSafety::Op::args() const
{
    switch (kind) {
    case Set:
        return {QStringLiteral("set"), name, QStringLiteral("--stdin"), QStringLiteral("--raw")};
    case Rename:
        return {QStringLiteral("rename"), name, to};
    case Remove:
        return {QStringLiteral("rm"), name};
    }
    return {};
}

void TestCrashSafety::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    m_home = std::make_unique<test::TempHome>();
    m_service = test::uniqueKeychainService(QStringLiteral("crash"));
    m_vault = std::make_unique<KeychainVault>(m_service);
    for (int i = 0; i < 6; ++i)
        m_pool << QStringLiteral("CRASH_%1").arg(i);
}

test::CliRun TestCrashSafety::cli(const QStringList &args)
{
    QStringList env = m_home->environment(QProcess::systemEnvironment());
    env << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service;
    return test::runCliProcess(QStringLiteral(SECRETDESK_CLI_PATH), args, env);
}

TestCrashSafety::Op TestCrashSafety::pick()
{
    Op op;
    const QStringList present = m_model.keys();
    QStringList absent;
    for (const QString &name : m_pool) {
        if (!m_model.contains(name))
            absent << name;
    }
    const int dice = static_cast<int>(m_random.bounded(10));
    if (present.isEmpty() || (dice < 4 && !absent.isEmpty()) || dice < 2) {
        op.kind = Op::Set;
        op.name = m_pool.at(static_cast<int>(m_random.bounded(m_pool.size())));
        op.value = QByteArray("v-") + QByteArray::number(m_random.generate64(), 36);
    } else if (dice < 8 && !absent.isEmpty()) {
        op.kind = Op::Rename;
        op.name = present.at(static_cast<int>(m_random.bounded(present.size())));
        op.to = absent.at(static_cast<int>(m_random.bounded(absent.size())));
    } else {
        op.kind = Op::Remove;
        op.name = present.at(static_cast<int>(m_random.bounded(present.size())));
    }
    return op;
}

bool TestCrashSafety::runAndKill(const Op &op, int delayMs, int *exitCode)
{
    QProcess process;
    QStringList env = m_home->environment(QProcess::systemEnvironment());
    env << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service;
    process.setEnvironment(env);
    process.start(QStringLiteral(SECRETDESK_CLI_PATH), op.args());
    if (!process.waitForStarted())
        return false;
    process.write(op.value);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(delayMs) && process.exitStatus() == QProcess::NormalExit;
    if (!finished) {
        process.kill(); // SIGKILL
        process.waitForFinished();
    }
    *exitCode = finished ? process.exitCode() : -1;
    return finished;
}

void TestCrashSafety::checkDoctorExplains(const Op &op, bool finished)
{
    QVERIFY2(CatalogFile(m_home->catalogPath()).load().ok(), "the catalog does not load after the kill");
    const auto doctor = cli({QStringLiteral("doctor")});
    QVERIFY2(doctor.code == 0 || doctor.code == 1, doctor.err.constData());
    if (finished)
        QVERIFY2(doctor.code == 0, doctor.out.constData());
    QStringList allowed{QStringLiteral("interrupted")};
    if (op.kind == Op::Set)
        allowed << QStringLiteral("orphan") << QStringLiteral("type-mismatch");
    else if (op.kind == Op::Remove)
        allowed << QStringLiteral("missing-value");
    else
        allowed << QStringLiteral("duplicate") << QStringLiteral("missing-value");
    const QList<QByteArray> lines = doctor.out.split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QStringList fields = QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(fields.size() > 2, line.constData());
        const QString kind = fields.at(0);
        const QString name = fields.at(1).section(QLatin1Char('/'), 1);
        QVERIFY2(allowed.contains(kind),
                 qPrintable(QStringLiteral("unexplained: ") + QString::fromUtf8(line)));
        QVERIFY2(op.names().contains(name),
                 qPrintable(QStringLiteral("unexplained: ") + QString::fromUtf8(line)));
        ++m_outcomes[QStringLiteral("reported ") + kind];
    }
    if (doctor.code == 1) {
        const auto repair = cli({QStringLiteral("doctor"), QStringLiteral("--repair")});
        QVERIFY2(repair.code == 0, repair.err.constData());
        const auto again = cli({QStringLiteral("doctor")});
        QVERIFY2(again.code == 0, again.out.constData());
    }
}

QMap<QString, QByteArray> TestCrashSafety::observe()
{
    // The catalog and the keychain, read directly; a name must be in both or in neither.
    QMap<QString, QByteArray> seen;
    auto catalog = CatalogFile(m_home->catalogPath()).load();
    if (!catalog)
        return seen;
    [&] {
        QVERIFY(catalog->pending().isEmpty());
    }();
    for (const QString &name : m_pool) {
        const SecretName secret = *SecretName::parse(name);
        const auto value = test::awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
            m_vault->read(SecretStore::keychainKey(ProfileName::defaultProfile(), secret), ctx, done);
        });
        [&] {
            QVERIFY(value.has_value() && (value->ok() || value->error().failure == Failure::NotFound));
        }();
        const bool listed = catalog->find(ProfileName::defaultProfile(), secret) != nullptr;
        const bool stored = value && value->ok();
        [&] {
            QVERIFY2(listed == stored, qPrintable(name + QStringLiteral(": catalog and keychain disagree")));
        }();
        if (stored)
            seen.insert(name, value->value());
    }
    return seen;
}

void TestCrashSafety::checkNothingLost(const Op &op, const QMap<QString, QByteArray> &seen)
{
    for (const QString &name : m_pool) {
        if (op.names().contains(name))
            continue;
        QCOMPARE(seen.value(name), m_model.value(name)); // untouched names are unchanged
    }
    switch (op.kind) {
    case Op::Set: {
        const bool old = seen.value(op.name) == m_model.value(op.name) &&
                         seen.contains(op.name) == m_model.contains(op.name);
        const bool now = seen.value(op.name) == op.value;
        QVERIFY2(old || now, qPrintable(op.name + QStringLiteral(": neither the old nor the new value")));
        ++m_outcomes[now ? QStringLiteral("set: new state") : QStringLiteral("set: old state")];
        break;
    }
    case Op::Remove: {
        const bool old = seen.value(op.name) == m_model.value(op.name) && seen.contains(op.name);
        QVERIFY2(old || !seen.contains(op.name), qPrintable(op.name + QStringLiteral(": changed value")));
        ++m_outcomes[old ? QStringLiteral("rm: old state") : QStringLiteral("rm: new state")];
        break;
    }
    case Op::Rename: {
        const QByteArray value = m_model.value(op.name);
        const bool old = seen.value(op.name) == value && !seen.contains(op.to);
        const bool now = seen.value(op.to) == value && !seen.contains(op.name);
        QVERIFY2(old || now,
                 qPrintable(QStringLiteral("rename %1 -> %2 lost or doubled its value").arg(op.name, op.to)));
        ++m_outcomes[now ? QStringLiteral("rename: new state") : QStringLiteral("rename: old state")];
        break;
    }
    }
}

void TestCrashSafety::killedWritersLoseNothing()
{
    bool ok = false;
    quint32 seed = static_cast<quint32>(qEnvironmentVariableIntValue("SECRETDESK_CRASH_SEED", &ok));
    if (!ok)
        seed = QRandomGenerator::global()->generate();
    const int kills = qEnvironmentVariableIsSet("SECRETDESK_CRASH_KILLS")
                          ? qEnvironmentVariableIntValue("SECRETDESK_CRASH_KILLS")
                          : 200;
    m_random.seed(seed);

    // How long one write takes here, so the kill moments span all of it.
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        Op op = pick();
        QElapsedTimer timer;
        timer.start();
        int code = 0;
        QVERIFY(runAndKill(op, 30000, &code));
        QCOMPARE(code, 0);
        times << timer.elapsed();
        const auto seen = observe();
        checkNothingLost(op, seen);
        m_model = seen;
    }
    std::sort(times.begin(), times.end());
    const int maxDelay = std::max(40, static_cast<int>(times.at(times.size() / 2) * 13 / 10));
    qInfo("seed %u (SECRETDESK_CRASH_SEED), %d kills (SECRETDESK_CRASH_KILLS), delays 0-%d ms, one write "
          "takes %lld-%lld ms",
          seed, kills, maxDelay, times.first(), times.last());

    m_outcomes.clear();
    for (int i = 0; i < kills; ++i) {
        const Op op = pick();
        const int delay = static_cast<int>(m_random.bounded(maxDelay + 1));
        int code = -1;
        const bool finished = runAndKill(op, delay, &code);
        ++m_outcomes[finished ? QStringLiteral("finished before the kill") : QStringLiteral("killed")];
        if (finished)
            QVERIFY2(
                code == 0,
                qPrintable(QStringLiteral("%1 exited %2").arg(op.args().join(QLatin1Char(' '))).arg(code)));
        checkDoctorExplains(op, finished);
        if (QTest::currentTestFailed()) {
            qWarning("failed at kill %d (seed %u): %s after %d ms", i, seed,
                     qPrintable(op.args().join(QLatin1Char(' '))), delay);
            return;
        }
        const auto seen = observe();
        checkNothingLost(op, seen);
        if (QTest::currentTestFailed()) {
            qWarning("failed at kill %d (seed %u): %s after %d ms", i, seed,
                     qPrintable(op.args().join(QLatin1Char(' '))), delay);
            return;
        }
        m_model = seen;
    }
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
        qInfo("%4d  %s", it.value(), qPrintable(it.key()));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
