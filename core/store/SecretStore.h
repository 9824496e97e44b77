#pragma once

#include "core/store/CatalogFile.h"
#include "core/store/KeychainVault.h"

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

// Secrets as a user sees them: names and metadata from the catalog, values from the keychain,
// kept in step. A failed operation leaves both as they were: a value written for a catalog change
// that then fails is put back (or removed) before the failure is reported.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using ValueDone = std::function<void(Result<SecretValue>)>;
    using RecordDone = std::function<void(Result<SecretRecord>)>;
    using Done = std::function<void(Status)>;

    SecretStore(CatalogFile catalog, KeychainVault *vault, QObject *parent = nullptr);

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

Q_SIGNALS:
    // Emitted after this store changed the catalog.
    void changed();

private:
    void commitRecord(const ProfileName &profile, const SecretChange &change,
                      const std::optional<SecretValue> &previous, QObject *context, RecordDone done);

    CatalogFile m_catalog;
    KeychainVault *m_vault;
};

} // namespace secretdesk
