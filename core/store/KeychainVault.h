#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace secretdesk {

// Secret values in the OS keychain (QtKeychain: Secret Service, macOS Keychain, Windows Credential
// Store), one item per key under one service name.
//
// QtKeychain has no timeout, runs one job at a time per process, must not have a running job deleted,
// and reports a missing keychain as OtherError. The vault turns all of that into results that always
// arrive: a job that does not answer in time fails as KeychainUnavailable, and every later request
// fails at once (it would only queue behind the stuck one) until that job finally returns.
class KeychainVault : public QObject {
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QByteArray>)>;
    using Done = std::function<void(Status)>;

    static QString defaultService();                   // "secretdesk", or $SECRETDESK_KEYCHAIN_SERVICE
    static std::chrono::milliseconds defaultTimeout(); // 10 s, or $SECRETDESK_KEYCHAIN_TIMEOUT_MS

    explicit KeychainVault(QString service = defaultService(), QObject *parent = nullptr);
    ~KeychainVault() override;

    const QString &service() const { return m_service; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Each callback runs exactly once, on this thread, unless `context` is destroyed first.
    // A read of a missing item fails with Failure::NotFound only after a probe confirmed that the
    // keychain is usable: a locked collection also answers "not found".
    void read(const QString &key, QObject *context, ReadDone done);
    void write(const QString &key, const QByteArray &bytes, QObject *context, Done done);
    void remove(const QString &key, QObject *context, Done done);
    // Proves the keychain usable by writing and removing a probe item (the GUI's start-up check).
    void checkAvailable(QObject *context, Done done);

private:
    enum class Op { Read, Write, Remove };
    void start(Op op, const QString &key, const QByteArray &bytes, QObject *context,
               std::function<void(Status, QByteArray)> done);
    void confirmMissing(const QString &key, QObject *context, ReadDone done);

    QString m_service;
    std::chrono::milliseconds m_timeout;
    int m_stuckJobs = 0;
};

} // namespace secretdesk
