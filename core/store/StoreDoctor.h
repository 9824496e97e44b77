#pragma once

#include "core/store/CatalogFile.h"
#include "core/store/StoreProblem.h"

#include <QMap>
#include <QObject>
#include <QSet>

#include <optional>

namespace secretdesk {

class KeychainVault;

// Compares the catalog with the keychain and, when asked, repairs what it finds. Runs while its
// caller holds the catalog lock, so every pending intent it sees belongs to a writer that died.
//
// The keychain cannot be listed, so orphans are found through the intents: each names the keychain
// items its operation was about to touch. Every catalog entry is read once to find missing values.
// Nothing that holds the only copy of a value is ever deleted unless the user names it (discard).
class StoreDoctor : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<QList<StoreProblem>>)>;

    StoreDoctor(CatalogFile catalog, KeychainVault *vault, std::optional<RepairOptions> repair,
                QObject *parent = nullptr);
    ~StoreDoctor() override;

    // The problems found (check) or fixed (repair); `done` runs once, then the doctor deletes itself.
    void run(Done done);

private:
    struct Probe {
        bool present = false;
        bool asString = false;
        bool asJson = false;
        QByteArray bytes; // kept only for items an intent names (orphans and copies)
    };
    void probeNext();
    void analyse();
    void analyseIntent(const PendingIntent &intent);
    void analyseEntry(const ProfileName &profile, const SecretRecord &record);
    void analyseStray(const PendingIntent &intent, const SecretName &name);
    void add(StoreProblem::Kind kind, StoreProblem::Fix fix, const ProfileName &profile,
             const SecretName &name, const QString &detail,
             SecretValue::Type type = SecretValue::Type::String);
    const Probe &probe(const ProfileName &profile, const SecretName &name) const;
    SecretValue::Type typeOf(const Probe &probe, SecretValue::Type preferred) const;
    Status chooseDiscards();
    void removeNextValue();
    void commit();
    void finish(Result<QList<StoreProblem>> result);

    CatalogFile m_file;
    KeychainVault *m_vault;
    std::optional<RepairOptions> m_repair;
    Done m_done;
    Catalog m_catalog;
    QStringList m_keys;
    QSet<QString> m_keepBytes;
    int m_next = 0;
    QMap<QString, Probe> m_probes;
    QSet<QString> m_covered;
    QList<StoreProblem> m_problems;
    QStringList m_removals;
};

} // namespace secretdesk
