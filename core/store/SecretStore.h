#pragma once

#include "core/store/CatalogFile.h"
#include "core/store/KeychainVault.h"
#include "core/store/StoreProblem.h"

#include <QObject>

#include <optional>

namespace secretdesk {

// What a save changes: the value always, metadata only where set.
struct SecretChange {
    SecretName name;
    SecretValue value;
    std::optional<QString> kind;
    std::optional<QString> note;
    std::optional<ExportTarget> target;
    std::optional<QString> remoteName;
};

class CatalogWriteQueue;

// Secrets as a user sees them: names and metadata from the catalog, values from the keychain,
// kept in step. A failed operation leaves both as they were: a value written for a catalog change
// that then fails is put back (or removed) before the failure is reported.
//
// Writes (save, remove, rename, repair) run one at a time and hold the catalog lock from start to
// end; each first records a write-ahead intent in the catalog and clears it in the same catalog
// write that commits, so a process killed at any moment leaves the old state, the new state, or an
// intent that check() reports and repair() resolves without losing a value.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using ValueDone = std::function<void(Result<SecretValue>)>;
    using RecordDone = std::function<void(Result<SecretRecord>)>;
    using Done = std::function<void(Status)>;
    using ProblemsDone = std::function<void(Result<QList<StoreProblem>>)>;

    SecretStore(CatalogFile catalog, KeychainVault *vault, QObject *parent = nullptr);
    ~SecretStore() override;

    const CatalogFile &catalogFile() const { return m_catalog; }
    KeychainVault *vault() const { return m_vault; }
    static QString keychainKey(const ProfileName &profile, const SecretName &name);

    Result<QStringList> profiles() const;
    Result<QList<SecretRecord>> records(const ProfileName &profile) const;
    Result<SecretRecord> record(const ProfileName &profile, const SecretName &name) const;

    // Values are read lazily, one at a time, when someone needs them.
    void readValue(const ProfileName &profile, const SecretName &name, QObject *context, ValueDone done);
    void save(const ProfileName &profile, const SecretChange &change, QObject *context, RecordDone done);
    void remove(const ProfileName &profile, const SecretName &name, QObject *context, Done done);
    // Moves value and metadata to `to`; fails with Failure::Conflict when `to` exists.
    void rename(const ProfileName &profile, const SecretName &from, const SecretName &to, QObject *context,
                RecordDone done);

    // Intents of writes that never finished, from the catalog alone (no keychain call): a cheap
    // start-up hint that check() has something to report. A writer still running also shows here.
    Result<QList<PendingIntent>> pendingIntents() const;
    // Compares catalog and keychain (every profile) under the write lock; changes nothing.
    void check(QObject *context, ProblemsDone done);
    // Fixes what check() finds and reports what it did: orphans are adopted (or deleted when named
    // in `options.discard`), entries without a value dropped, interrupted renames finished.
    void repair(const RepairOptions &options, QObject *context, ProblemsDone done);

Q_SIGNALS:
    // Emitted after this store changed the catalog.
    void changed();

private:
    void runDoctor(std::optional<RepairOptions> options, QObject *context, ProblemsDone done);
    // Records `intent` in the catalog (the lock is held).
    Status note(const PendingIntent &intent);
    void clearIntent(const QString &id);

    CatalogFile m_catalog;
    KeychainVault *m_vault;
    CatalogWriteQueue *m_writes;
};

} // namespace secretdesk
