#pragma once

#include "core/store/SecretStore.h"
#include "tests/support/TempHome.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace secretdesk::test {

// A store in a private home with its own keychain service, plus the synchronous calls import tests
// need to seed it and to check what it holds afterwards.
class ImportTestStore {
public:
    explicit ImportTestStore(const QString &testName);
    ~ImportTestStore();

    SecretStore *store() const { return m_store.get(); }
    const TempHome &home() const { return *m_home; }
    static ProfileName profile() { return ProfileName::defaultProfile(); }
    static SecretName nameOf(const QString &text) { return *SecretName::parse(text); }

    // Writes a file below the home folder and returns its path.
    QString writeFile(const QString &name, const QByteArray &bytes) const;

    Result<SecretRecord> save(const SecretChange &change) const;
    Result<SecretRecord> save(const QString &name, const QByteArray &value) const;
    Result<SecretValue> value(const QString &name) const;
    // Every record and value of the profile, one line each ("NAME type kind note target created = value"):
    // what a failed import must leave exactly as it was. `updated` is left out (see docs/importing.md).
    QStringList contents() const;
    // What StoreDoctor finds (orphaned keychain items, records without a value); empty when consistent.
    QStringList problems() const;

private:
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
};

} // namespace secretdesk::test
