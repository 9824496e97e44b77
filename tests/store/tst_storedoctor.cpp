#include "core/store/SecretStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QTest>

using namespace secretdesk;

namespace {
SecretName nameOf(const QString &text)
{
    return *SecretName::parse(text);
}
Diagnostic noAnswer()
{
    return Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST"),
                             QStringLiteral("no answer"));
}
// "X=v,Y=w" -> {X: v, Y: w}
QMap<QString, QByteArray> items(const QString &spec)
{
    QMap<QString, QByteArray> map;
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts))
        map.insert(item.section(QLatin1Char('='), 0, 0), item.section(QLatin1Char('='), 1).toUtf8());
    return map;
}
} // namespace

// Rename, and what check() and repair() make of every state a killed writer can leave behind,
// built directly in the catalog and the keychain.
class TestStoreDoctor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void renameMovesValueAndMetadata();
    void renameRefusesAnExistingName();
    void interruptedStates_data();
    void interruptedStates();
    void discardDeletesOnlyANamedOrphan();

private:
    void plant(const QString &intent, const QString &catalog, const QString &keychain);
    Result<QList<StoreProblem>> doctor(std::optional<RepairOptions> repair = std::nullopt);
    QByteArray stored(const QString &name);
    QStringList catalogNames();

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
};

void TestStoreDoctor::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestStoreDoctor::init()
{
    m_store.reset();
    m_home = std::make_unique<test::TempHome>();
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("doctor")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
}

// intent: "set X", "delete X" or "rename X Y"; catalog: "X,Y"; keychain: "X=v,Y=w".
void TestStoreDoctor::plant(const QString &intent, const QString &catalog, const QString &keychain)
{
    const ProfileName profile = ProfileName::defaultProfile();
    QVERIFY(m_store->catalogFile()
                .update([&](Catalog &c) {
                    for (const QString &name : catalog.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        c.upsert(profile, SecretRecord{nameOf(name)});
                    const QStringList words = intent.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                    if (!words.isEmpty()) {
                        const auto op = words[0] == QLatin1String("set")      ? PendingIntent::Op::Set
                                        : words[0] == QLatin1String("delete") ? PendingIntent::Op::Delete
                                                                              : PendingIntent::Op::Rename;
                        PendingIntent p = PendingIntent::make(op, profile, nameOf(words[1]));
                        if (words.size() > 2)
                            p.newName = nameOf(words[2]);
                        c.addPending(p);
                    }
                    return Status();
                })
                .ok());
    const auto values = items(keychain);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const auto written = test::awaitCallback<Status>([&](QObject *ctx, auto done) {
            m_vault->write(SecretStore::keychainKey(profile, nameOf(it.key())), it.value(), ctx, done);
        });
        QVERIFY(written && written->ok());
    }
}

Result<QList<StoreProblem>> TestStoreDoctor::doctor(std::optional<RepairOptions> repair)
{
    return test::awaitCallback<Result<QList<StoreProblem>>>([&](QObject *ctx, auto done) {
               if (repair)
                   m_store->repair(*repair, ctx, done);
               else
                   m_store->check(ctx, done);
           })
        .value_or(noAnswer());
}

QByteArray TestStoreDoctor::stored(const QString &name)
{
    const auto value = test::awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
        m_vault->read(SecretStore::keychainKey(ProfileName::defaultProfile(), nameOf(name)), ctx, done);
    });
    return value && value->ok() ? value->value() : QByteArray("-");
}

QStringList TestStoreDoctor::catalogNames()
{
    QStringList names;
    for (const SecretRecord &r : *m_store->records(ProfileName::defaultProfile()))
        names << r.name.toString();
    return names;
}

void TestStoreDoctor::renameMovesValueAndMetadata()
{
    SecretChange change{nameOf(QStringLiteral("OLD")), SecretValue::fromString(QStringLiteral("v"))};
    change.note = QStringLiteral("kept");
    QVERIFY(test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
                m_store->save(ProfileName::defaultProfile(), change, ctx, done);
            })->ok());
    const auto renamed = test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
        m_store->rename(ProfileName::defaultProfile(), nameOf(QStringLiteral("OLD")),
                        nameOf(QStringLiteral("NEW")), ctx, done);
    });
    QVERIFY(renamed && renamed->ok());
    QCOMPARE((*renamed)->note, QStringLiteral("kept"));
    QCOMPARE(catalogNames(), QStringList{QStringLiteral("NEW")});
    QCOMPARE(stored(QStringLiteral("NEW")), QByteArray("v"));
    QCOMPARE(stored(QStringLiteral("OLD")), QByteArray("-"));
    QVERIFY(m_store->pendingIntents()->isEmpty());
    QVERIFY(doctor()->isEmpty());
}

void TestStoreDoctor::renameRefusesAnExistingName()
{
    plant({}, QStringLiteral("A,B"), QStringLiteral("A=a,B=b"));
    const auto renamed = test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
        m_store->rename(ProfileName::defaultProfile(), nameOf(QStringLiteral("A")),
                        nameOf(QStringLiteral("B")), ctx, done);
    });
    QVERIFY(renamed && !renamed->ok());
    QCOMPARE(renamed->error().failure, Failure::Conflict);
    QCOMPARE(stored(QStringLiteral("B")), QByteArray("b"));
    QVERIFY(m_store->pendingIntents()->isEmpty());
}

void TestStoreDoctor::interruptedStates_data()
{
    QTest::addColumn<QString>("intent");
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("keychain");
    QTest::addColumn<QStringList>("problems"); // kind:NAME
    QTest::addColumn<QString>("repaired");     // the keychain (and catalog names) after repair

    const auto list = [](const char *text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("clean") << ""
                           << "X"
                           << "X=v" << QStringList() << "X=v";
    QTest::newRow("set killed before the keychain") << "set X"
                                                    << ""
                                                    << "" << list("interrupted:X") << "";
    QTest::newRow("set killed after the keychain") << "set X"
                                                   << ""
                                                   << "X=v" << list("interrupted:X orphan:X") << "X=v";
    QTest::newRow("set over a value") << "set X"
                                      << "X"
                                      << "X=new" << list("interrupted:X") << "X=new";
    QTest::newRow("delete killed before the keychain") << "delete X"
                                                       << "X"
                                                       << "X=v" << list("interrupted:X") << "X=v";
    QTest::newRow("delete killed after the keychain") << "delete X"
                                                      << "X"
                                                      << "" << list("interrupted:X missing-value:X") << "";
    QTest::newRow("rename left a copy") << "rename X Y"
                                        << "X"
                                        << "X=v,Y=v" << list("interrupted:X duplicate:Y") << "X=v";
    QTest::newRow("rename moved the value") << "rename X Y"
                                            << "X"
                                            << "Y=v" << list("interrupted:X missing-value:X") << "Y=v";
    QTest::newRow("rename found a different value")
        << "rename X Y"
        << "X"
        << "X=v,Y=w" << list("interrupted:X orphan:Y") << "X=v,Y=w";
    QTest::newRow("value gone without an intent") << ""
                                                  << "X,Z"
                                                  << "Z=z" << list("missing-value:X") << "Z=z";
}

void TestStoreDoctor::interruptedStates()
{
    QFETCH(QString, intent);
    QFETCH(QString, catalog);
    QFETCH(QString, keychain);
    QFETCH(QStringList, problems);
    QFETCH(QString, repaired);
    plant(intent, catalog, keychain);

    const auto found = doctor();
    QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().toString()));
    QStringList seen;
    for (const StoreProblem &p : *found)
        seen << StoreProblem::kindName(p.kind) + QLatin1Char(':') + p.name.toString();
    QCOMPARE(seen, problems);
    QCOMPARE(m_store->pendingIntents()->size(), intent.isEmpty() ? 0 : 1); // check() changes nothing

    const auto fixed = doctor(RepairOptions{});
    QVERIFY(fixed.ok());
    QCOMPARE(fixed->size(), problems.size());
    QVERIFY(doctor()->isEmpty());
    QVERIFY(m_store->pendingIntents()->isEmpty());
    const auto expected = items(repaired);
    QCOMPARE(catalogNames(), expected.keys());
    for (const QString &name : {QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z")})
        QCOMPARE(stored(name), expected.value(name, "-"));
}

void TestStoreDoctor::discardDeletesOnlyANamedOrphan()
{
    plant(QStringLiteral("set X"), {}, QStringLiteral("X=v"));
    RepairOptions wrong;
    wrong.discard.append({ProfileName::defaultProfile(), nameOf(QStringLiteral("OTHER"))});
    const auto refused = doctor(wrong);
    QVERIFY(!refused.ok());
    QCOMPARE(stored(QStringLiteral("X")), QByteArray("v"));

    RepairOptions discard;
    discard.discard.append({ProfileName::defaultProfile(), nameOf(QStringLiteral("X"))});
    QVERIFY(doctor(discard).ok());
    QCOMPARE(stored(QStringLiteral("X")), QByteArray("-"));
    QVERIFY(catalogNames().isEmpty());
    QVERIFY(doctor()->isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreDoctor)
#include "tst_storedoctor.moc"
