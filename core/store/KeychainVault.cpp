#include "core/store/KeychainVault.h"

#include "core/model/SecureBytes.h"
#include "core/store/StoreLog.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace secretdesk {

namespace {

const QString ProbeKey = QStringLiteral(".secretdesk-probe");

Diagnostic unavailable(const QString &why)
{
    return Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("KEYCHAIN001"),
                             QStringLiteral("the keychain is unavailable: %1").arg(why));
}

// Maps a finished QtKeychain job to our diagnostics. "Not found" is only trusted by the caller after a probe.
Status statusOf(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Diagnostic::error(Failure::NotFound, QStringLiteral("KEYCHAIN002"),
                                 QStringLiteral("the keychain holds no value for this secret"));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return unavailable(
            QStringLiteral("access denied (is the keychain collection locked?): %1").arg(job.errorString()));
    case QKeychain::NoBackendAvailable:
        return unavailable(QStringLiteral("no keychain service is running (%1)").arg(job.errorString()));
    case QKeychain::NotImplemented:
        return unavailable(QStringLiteral("this platform has no supported keychain"));
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return unavailable(job.errorString());
}

} // namespace

QString KeychainVault::defaultService()
{
    const QString fromEnv = qEnvironmentVariable("SECRETDESK_KEYCHAIN_SERVICE");
    return fromEnv.isEmpty() ? QStringLiteral("secretdesk") : fromEnv;
}

std::chrono::milliseconds KeychainVault::defaultTimeout()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("SECRETDESK_KEYCHAIN_TIMEOUT_MS", &ok);
    return std::chrono::milliseconds(ok && ms > 0 ? ms : 10000);
}

KeychainVault::KeychainVault(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_timeout(defaultTimeout())
{}

KeychainVault::~KeychainVault() = default;

void KeychainVault::start(Op op, const QString &key, const QByteArray &bytes, QObject *context,
                          std::function<void(Status, QByteArray)> done)
{
    QPointer<QObject> guard(context);
    static const char *const opNames[] = {"read", "write", "remove"};
    const char *opName = opNames[static_cast<int>(op)];
    qCDebug(lcKeychain).noquote() << opName << key;
    auto deliver = [guard, done = std::move(done), opName, key](Status status, QByteArray value) {
        qCDebug(lcKeychain).noquote()
            << opName << key << "->" << (status ? QStringLiteral("ok") : status.error().code);
        if (guard)
            done(std::move(status), std::move(value));
    };
    if (m_stuckJobs > 0) {
        // QtKeychain would queue this behind the job that never answered.
        QTimer::singleShot(0, this, [deliver] {
            deliver(unavailable(QStringLiteral("an earlier request got no answer; restart to try again")),
                    {});
        });
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        // Stored as text (values are UTF-8), so `secret-tool lookup server secretdesk user P/NAME` reads it
        // too.
        write->setTextData(QString::fromUtf8(bytes));
        job = write;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never deleted while running (QtKeychain's callbacks keep raw pointers): we delete it on finish.
    job->setAutoDelete(false);
    job->setKey(key);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    auto answered = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, this, [this, timer, answered, deliver] {
        timer->deleteLater();
        if (*answered)
            return;
        *answered = true;
        ++m_stuckJobs;
        deliver(unavailable(QStringLiteral("no answer within %1 s").arg(m_timeout.count() / 1000.0)), {});
    });
    connect(job, &QKeychain::Job::finished, this, [this, job, timer, answered, deliver, op] {
        job->deleteLater();
        if (*answered) {
            --m_stuckJobs; // a late answer: the queue moves again, the caller was already told
            return;
        }
        *answered = true;
        timer->stop();
        timer->deleteLater();
        QByteArray value;
        if (op == Op::Read && job->error() == QKeychain::NoError)
            value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData().toUtf8();
        deliver(statusOf(*job), std::move(value));
        wipeBytes(value);
    });
    timer->start(m_timeout);
    job->start();
}

void KeychainVault::read(const QString &key, QObject *context, ReadDone done)
{
    start(Op::Read, key, {}, context, [this, key, context, done](Status status, QByteArray value) {
        if (status)
            done(std::move(value));
        else if (status.error().failure == Failure::NotFound)
            confirmMissing(key, context, done);
        else
            done(status.error());
    });
}

void KeychainVault::checkAvailable(QObject *context, Done done)
{
    start(Op::Write, ProbeKey, QByteArrayLiteral("probe"), context,
          [this, context, done](Status probe, QByteArray) {
              if (!probe) {
                  done(std::move(probe));
                  return;
              }
              start(Op::Remove, ProbeKey, {}, context, [done](Status, QByteArray) { done({}); });
          });
}

void KeychainVault::confirmMissing(const QString &key, QObject *context, ReadDone done)
{
    // A locked or absent collection also reads as "not found": only a write proves the keychain usable.
    checkAvailable(context, [key, done](Status usable) {
        if (!usable) {
            done(usable.error());
            return;
        }
        done(Diagnostic::error(Failure::NotFound, QStringLiteral("KEYCHAIN002"),
                               QStringLiteral("the keychain holds no value for '%1'").arg(key)));
    });
}

void KeychainVault::write(const QString &key, const QByteArray &bytes, QObject *context, Done done)
{
    start(Op::Write, key, bytes, context, [done](Status status, QByteArray) { done(std::move(status)); });
}

void KeychainVault::remove(const QString &key, QObject *context, Done done)
{
    start(Op::Remove, key, {}, context, [done](Status status, QByteArray) {
        // Removing what is already gone leaves the keychain as the caller wanted it.
        if (!status && status.error().failure == Failure::NotFound)
            status = Status();
        done(std::move(status));
    });
}

} // namespace secretdesk
