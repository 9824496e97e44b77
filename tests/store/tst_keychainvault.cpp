#include "core/store/KeychainVault.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"

#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

class TestKeychainVault : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void updateReplacesValue();
    void removeThenReadIsNotFound();
    void removeOfMissingItemSucceeds();
    void itemsAreSeparatedByService();

private:
    Result<QByteArray> read(KeychainVault &vault, const QString &key);
    Status write(KeychainVault &vault, const QString &key, const QByteArray &bytes);
    Status remove(KeychainVault &vault, const QString &key);
    std::unique_ptr<KeychainVault> m_vault;
};

Result<QByteArray> TestKeychainVault::read(KeychainVault &vault, const QString &key)
{
    return test::awaitCallback<Result<QByteArray>>(
               [&](QObject *ctx, auto done) { vault.read(key, ctx, done); })
        .value_or(Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST"),
                                    QStringLiteral("no answer")));
}

Status TestKeychainVault::write(KeychainVault &vault, const QString &key, const QByteArray &bytes)
{
    return test::awaitCallback<Status>([&](QObject *ctx, auto done) { vault.write(key, bytes, ctx, done); })
        .value_or(Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST"),
                                    QStringLiteral("no answer")));
}

Status TestKeychainVault::remove(KeychainVault &vault, const QString &key)
{
    return test::awaitCallback<Status>([&](QObject *ctx, auto done) { vault.remove(key, ctx, done); })
        .value_or(Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST"),
                                    QStringLiteral("no answer")));
}

void TestKeychainVault::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("vault")));
}

void TestKeychainVault::roundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("ascii") << QByteArray("s3cr3t-value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("non-ascii") << QByteArray(
        "p\xC3\xA4ss \xE2\x80\x99 \xF0\x9F\x94\x91 \xE6\xBC\xA2\xE5\xAD\x97");
    QTest::newRow("control characters") << QByteArray("line1\nline2\r\n\ttab");
    QTest::newRow("json") << QByteArray(R"({"ACCESS_KEY":"x","SECRET_ACCESS_KEY":"y"})");
    QByteArray big(64 * 1024, '\0');
    for (char &c : big)
        c = static_cast<char>('a' + QRandomGenerator::global()->bounded(26));
    QTest::newRow("64 KiB") << big;
}

void TestKeychainVault::roundTrip()
{
    QFETCH(QByteArray, bytes);
    const QString key =
        QStringLiteral("default/") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
    QVERIFY(write(*m_vault, key, bytes).ok());
    const auto back = read(*m_vault, key);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back->size(), bytes.size());
    QVERIFY(*back == bytes);
}

void TestKeychainVault::updateReplacesValue()
{
    const QString key = QStringLiteral("default/UPDATED");
    QVERIFY(write(*m_vault, key, "first").ok());
    QVERIFY(write(*m_vault, key, "second").ok());
    QCOMPARE(*read(*m_vault, key), QByteArray("second"));
}

void TestKeychainVault::removeThenReadIsNotFound()
{
    const QString key = QStringLiteral("default/REMOVED");
    QVERIFY(write(*m_vault, key, "gone soon").ok());
    QVERIFY(remove(*m_vault, key).ok());
    const auto back = read(*m_vault, key);
    QVERIFY(!back.ok());
    QCOMPARE(back.error().failure, Failure::NotFound);
}

void TestKeychainVault::removeOfMissingItemSucceeds()
{
    QVERIFY(remove(*m_vault, QStringLiteral("default/NEVER")).ok());
}

void TestKeychainVault::itemsAreSeparatedByService()
{
    KeychainVault other(test::uniqueKeychainService(QStringLiteral("other")));
    QVERIFY(write(*m_vault, QStringLiteral("p/SHARED_NAME"), "mine").ok());
    const auto back = read(other, QStringLiteral("p/SHARED_NAME"));
    QVERIFY(!back.ok());
    QCOMPARE(back.error().failure, Failure::NotFound);
}

QTEST_GUILESS_MAIN(TestKeychainVault)
#include "tst_keychainvault.moc"
