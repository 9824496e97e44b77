#include "core/store/SecretStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

namespace {
SecretName nameOf(const char *text)
{
    return *SecretName::parse(QString::fromLatin1(text));
}
Diagnostic noAnswer()
{
    return Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST"),
                             QStringLiteral("no answer"));
}
} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void saveCreatesRecordAndValue();
    void updateKeepsCreatedAndMetadata();
    void profilesKeepSecretsApart();
    void removeDeletesBoth();
    void readOfUnknownNameIsNotFound();
    void failedCatalogUpdateRestoresPreviousValue();
    void failedCatalogUpdateRemovesNewValue();
    void noValueTouchesTheDisk();

private:
    Result<SecretRecord> save(const ProfileName &profile, const SecretChange &change);
    Result<SecretValue> value(const ProfileName &profile, const SecretName &name);
    Status remove(const ProfileName &profile, const SecretName &name);

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
};

Result<SecretRecord> TestSecretStore::save(const ProfileName &profile, const SecretChange &change)
{
    return test::awaitCallback<Result<SecretRecord>>(
               [&](QObject *ctx, auto done) { m_store->save(profile, change, ctx, done); })
        .value_or(noAnswer());
}

Result<SecretValue> TestSecretStore::value(const ProfileName &profile, const SecretName &name)
{
    return test::awaitCallback<Result<SecretValue>>(
               [&](QObject *ctx, auto done) { m_store->readValue(profile, name, ctx, done); })
        .value_or(noAnswer());
}

Status TestSecretStore::remove(const ProfileName &profile, const SecretName &name)
{
    return test::awaitCallback<Status>(
               [&](QObject *ctx, auto done) { m_store->remove(profile, name, ctx, done); })
        .value_or(noAnswer());
}

void TestSecretStore::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestSecretStore::init()
{
    m_store.reset();
    m_home = std::make_unique<test::TempHome>();
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("store")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
}

void TestSecretStore::saveCreatesRecordAndValue()
{
    SecretChange change{nameOf("AWS_CREDENTIALS"),
                        *SecretValue::fromJson(R"({"ACCESS_KEY":"k","SECRET_ACCESS_KEY":"s"})")};
    change.kind = QStringLiteral("AWS_CREDENTIALS");
    change.note = QStringLiteral("ci account");
    const auto saved = save(ProfileName::defaultProfile(), change);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QCOMPARE(saved->type, SecretValue::Type::Json);
    QVERIFY(saved->created.isValid());

    const auto record = m_store->record(ProfileName::defaultProfile(), change.name);
    QVERIFY(record.ok());
    QCOMPARE(record->kind, QStringLiteral("AWS_CREDENTIALS"));
    QCOMPARE(record->note, QStringLiteral("ci account"));
    const auto back = value(ProfileName::defaultProfile(), change.name);
    QVERIFY(back.ok());
    QVERIFY(*back == change.value);
}

void TestSecretStore::updateKeepsCreatedAndMetadata()
{
    SecretChange first{nameOf("TOKEN"), SecretValue::fromString(QStringLiteral("one"))};
    first.note = QStringLiteral("kept");
    const auto created = save(ProfileName::defaultProfile(), first);
    QVERIFY(created.ok());
    QTest::qWait(5);
    const auto updated = save(ProfileName::defaultProfile(),
                              {nameOf("TOKEN"), SecretValue::fromString(QStringLiteral("two"))});
    QVERIFY(updated.ok());
    QCOMPARE(updated->created, created->created);
    QVERIFY(updated->updated > created->updated);
    QCOMPARE(updated->note, QStringLiteral("kept"));
    QCOMPARE(value(ProfileName::defaultProfile(), nameOf("TOKEN"))->utf8(), QByteArray("two"));
}

void TestSecretStore::profilesKeepSecretsApart()
{
    const ProfileName prod = *ProfileName::parse(QStringLiteral("prod"));
    QVERIFY(
        save(ProfileName::defaultProfile(), {nameOf("DB"), SecretValue::fromString(QStringLiteral("dev-db"))})
            .ok());
    QVERIFY(save(prod, {nameOf("DB"), SecretValue::fromString(QStringLiteral("prod-db"))}).ok());
    QCOMPARE(value(ProfileName::defaultProfile(), nameOf("DB"))->utf8(), QByteArray("dev-db"));
    QCOMPARE(value(prod, nameOf("DB"))->utf8(), QByteArray("prod-db"));
    QCOMPARE(*m_store->profiles(), (QStringList{QStringLiteral("default"), QStringLiteral("prod")}));
}

void TestSecretStore::removeDeletesBoth()
{
    QVERIFY(
        save(ProfileName::defaultProfile(), {nameOf("GONE"), SecretValue::fromString(QStringLiteral("x"))})
            .ok());
    QVERIFY(remove(ProfileName::defaultProfile(), nameOf("GONE")).ok());
    QCOMPARE(m_store->record(ProfileName::defaultProfile(), nameOf("GONE")).error().failure,
             Failure::NotFound);
    // The value is gone from the keychain too, not only from the catalog.
    const auto raw = test::awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
        m_vault->read(SecretStore::keychainKey(ProfileName::defaultProfile(), nameOf("GONE")), ctx, done);
    });
    QVERIFY(raw.has_value());
    QCOMPARE(raw->error().failure, Failure::NotFound);
}

void TestSecretStore::readOfUnknownNameIsNotFound()
{
    const auto back = value(ProfileName::defaultProfile(), nameOf("MISSING"));
    QVERIFY(!back.ok());
    QCOMPARE(back.error().failure, Failure::NotFound);
    QCOMPARE(back.error().code, QStringLiteral("STORE001"));
}

void TestSecretStore::failedCatalogUpdateRestoresPreviousValue()
{
    QVERIFY(
        save(ProfileName::defaultProfile(), {nameOf("KEEP"), SecretValue::fromString(QStringLiteral("old"))})
            .ok());
    // Another process holds the catalog: the catalog update fails after the keychain write succeeded.
    QLockFile other(m_home->catalogPath() + QStringLiteral(".lock"));
    QVERIFY(other.tryLock(0));
    CatalogFile blocked(m_home->catalogPath());
    blocked.setLockTimeout(std::chrono::milliseconds(50));
    SecretStore store(blocked, m_vault.get());
    const auto failed = test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
        store.save(ProfileName::defaultProfile(),
                   {nameOf("KEEP"), SecretValue::fromString(QStringLiteral("new"))}, ctx, done);
    });
    QVERIFY(failed.has_value());
    QVERIFY(!failed->ok());
    QCOMPARE(failed->error().code, QStringLiteral("CATALOG012"));
    other.unlock();
    QCOMPARE(value(ProfileName::defaultProfile(), nameOf("KEEP"))->utf8(), QByteArray("old"));
}

void TestSecretStore::failedCatalogUpdateRemovesNewValue()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_home->catalogPath()).absolutePath()));
    QLockFile other(m_home->catalogPath() + QStringLiteral(".lock"));
    QVERIFY(other.tryLock(0));
    CatalogFile blocked(m_home->catalogPath());
    blocked.setLockTimeout(std::chrono::milliseconds(50));
    SecretStore store(blocked, m_vault.get());
    const auto failed = test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
        store.save(ProfileName::defaultProfile(),
                   {nameOf("FRESH"), SecretValue::fromString(QStringLiteral("v"))}, ctx, done);
    });
    QVERIFY(failed.has_value() && !failed->ok());
    const auto raw = test::awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
        m_vault->read(SecretStore::keychainKey(ProfileName::defaultProfile(), nameOf("FRESH")), ctx, done);
    });
    QVERIFY(raw.has_value());
    QCOMPARE(raw->error().failure, Failure::NotFound);
}

void TestSecretStore::noValueTouchesTheDisk()
{
    const QByteArray marker =
        QByteArray("marker-") + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    QVERIFY(save(ProfileName::defaultProfile(),
                 {nameOf("MARKED"), SecretValue::fromString(QString::fromLatin1(marker))})
                .ok());
    QVERIFY(value(ProfileName::defaultProfile(), nameOf("MARKED")).ok());
    QVERIFY(QFile::exists(m_home->catalogPath()));
    QCOMPARE(m_home->filesContaining(marker), QStringList());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
