#include "core/store/CatalogFile.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using namespace secretdesk;

namespace {
SecretRecord makeRecord(const QString &name, SecretValue::Type type = SecretValue::Type::String)
{
    SecretRecord r{*SecretName::parse(name)};
    r.type = type;
    r.kind = type == SecretValue::Type::Json ? QStringLiteral("AWS_CREDENTIALS") : QString();
    r.note = QStringLiteral("note for %1").arg(name);
    r.target = ExportTarget::Both;
    r.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    r.updated = r.created.addSecs(60);
    return r;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryField();
    void profilesAreSeparate();
    void missingFileIsEmpty();
    void updateWritesAtomicallyWithPrivateMode();
    void failedChangeWritesNothing();
    void corruptFileIsAnErrorWithLineAndColumnAndIsKept();
    void wrongFormatAndVersionAreRefused_data();
    void wrongFormatAndVersionAreRefused();
    void invalidNameInFileNamesItsPointer();
    void heldLockMakesUpdateFailClearly();

private:
    QTemporaryDir m_dir;
};

void TestCatalog::roundTripKeepsEveryField()
{
    Catalog catalog;
    const ProfileName prod = *ProfileName::parse(QStringLiteral("prod"));
    catalog.upsert(prod, makeRecord(QStringLiteral("AWS_CREDENTIALS"), SecretValue::Type::Json));
    catalog.upsert(prod, makeRecord(QStringLiteral("DB_PASSWORD")));
    catalog.setProfileSettings(prod, QStringLiteral("remote"),
                               {{QStringLiteral("backend"), QStringLiteral("prefect2")}});

    const auto loaded = Catalog::fromJson(catalog.toJson());
    QVERIFY(loaded.ok());
    const QList<SecretRecord> records = loaded->records(prod);
    QCOMPARE(records.size(), 2);
    const SecretRecord &aws = records.at(0);
    const SecretRecord expected = makeRecord(QStringLiteral("AWS_CREDENTIALS"), SecretValue::Type::Json);
    QCOMPARE(aws.name.toString(), expected.name.toString());
    QCOMPARE(aws.type, SecretValue::Type::Json);
    QCOMPARE(aws.kind, expected.kind);
    QCOMPARE(aws.note, expected.note);
    QCOMPARE(aws.target, ExportTarget::Both);
    QCOMPARE(aws.created, expected.created);
    QCOMPARE(aws.updated, expected.updated);
    QCOMPARE(records.at(1).name.toString(), QStringLiteral("DB_PASSWORD"));
    QCOMPARE(
        loaded->profileSettings(prod, QStringLiteral("remote")).value(QStringLiteral("backend")).toString(),
        QStringLiteral("prefect2"));
}

void TestCatalog::profilesAreSeparate()
{
    Catalog catalog;
    catalog.upsert(ProfileName::defaultProfile(), makeRecord(QStringLiteral("A")));
    const ProfileName other = *ProfileName::parse(QStringLiteral("other"));
    QVERIFY(catalog.records(other).isEmpty());
    QVERIFY(catalog.find(other, *SecretName::parse(QStringLiteral("A"))) == nullptr);
    QVERIFY(catalog.remove(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("A"))));
    QVERIFY(!catalog.remove(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("A"))));
}

void TestCatalog::missingFileIsEmpty()
{
    const CatalogFile file(m_dir.filePath(QStringLiteral("absent/catalog.json")));
    const auto loaded = file.load();
    QVERIFY(loaded.ok());
    QVERIFY(loaded->profiles().isEmpty());
}

void TestCatalog::updateWritesAtomicallyWithPrivateMode()
{
    const QString path = m_dir.filePath(QStringLiteral("atomic/catalog.json"));
    const CatalogFile file(path);
    QVERIFY(file.update([](Catalog &c) {
        c.upsert(ProfileName::defaultProfile(), makeRecord(QStringLiteral("FIRST")));
        return Status();
    }));
    QVERIFY(file.update([](Catalog &c) {
        c.upsert(ProfileName::defaultProfile(), makeRecord(QStringLiteral("SECOND")));
        return Status();
    }));
    const auto loaded = file.load();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->records(ProfileName::defaultProfile()).size(), 2);
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    // QSaveFile leaves no temporary files behind, and the lock is released.
    const QStringList left =
        QDir(m_dir.filePath(QStringLiteral("atomic"))).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, QStringList{QStringLiteral("catalog.json")});
}

void TestCatalog::failedChangeWritesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("failed/catalog.json"));
    const CatalogFile file(path);
    QVERIFY(file.update([](Catalog &c) {
        c.upsert(ProfileName::defaultProfile(), makeRecord(QStringLiteral("KEEP")));
        return Status();
    }));
    const QByteArray before = readFile(path);
    const Status status = file.update([](Catalog &c) {
        c.upsert(ProfileName::defaultProfile(), makeRecord(QStringLiteral("DISCARDED")));
        return Status(
            Diagnostic::error(Failure::Conflict, QStringLiteral("TEST"), QStringLiteral("refused")));
    });
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("TEST"));
    QCOMPARE(readFile(path), before);
}

void TestCatalog::corruptFileIsAnErrorWithLineAndColumnAndIsKept()
{
    const QString path = m_dir.filePath(QStringLiteral("corrupt/catalog.json"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("corrupt")));
    const QByteArray corrupt =
        "{\n  \"format\": \"secretdesk-catalog\",\n  \"version\": 1,\n  \"profiles\": {,\n}\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(corrupt);
    }
    const CatalogFile file(path);
    const auto loaded = file.load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, QStringLiteral("CATALOG001"));
    QCOMPARE(loaded.error().location.file, path);
    QCOMPARE(loaded.error().location.line, 4);
    QVERIFY(loaded.error().location.column > 0);
    QVERIFY(loaded.error().toString().startsWith(path + QStringLiteral(":4:")));

    // An update must never replace what it could not read.
    const Status status = file.update([](Catalog &c) {
        c.upsert(ProfileName::defaultProfile(), makeRecord(QStringLiteral("NEW")));
        return Status();
    });
    QVERIFY(!status.ok());
    QCOMPARE(readFile(path), corrupt);
}

void TestCatalog::wrongFormatAndVersionAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("CATALOG002");
    QTest::newRow("other format") << QByteArray(R"({"format":"x","version":1})")
                                  << QStringLiteral("CATALOG002");
    QTest::newRow("future version") << QByteArray(R"({"format":"secretdesk-catalog","version":99})")
                                    << QStringLiteral("CATALOG003");
}

void TestCatalog::wrongFormatAndVersionAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    const auto loaded = Catalog::fromJson(json, QStringLiteral("c.json"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, code);
}

void TestCatalog::invalidNameInFileNamesItsPointer()
{
    const QByteArray json =
        R"({"format":"secretdesk-catalog","version":1,"profiles":{"default":{"secrets":{"A__B":{}}}}})";
    const auto loaded = Catalog::fromJson(json, QStringLiteral("c.json"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().location.pointer, QStringLiteral("/profiles/default/secrets/A__B"));
}

void TestCatalog::heldLockMakesUpdateFailClearly()
{
    const QString path = m_dir.filePath(QStringLiteral("locked/catalog.json"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("locked")));
    QLockFile other(path + QStringLiteral(".lock"));
    QVERIFY(other.tryLock(0));
    CatalogFile file(path);
    file.setLockTimeout(std::chrono::milliseconds(100));
    const Status status = file.update([](Catalog &) { return Status(); });
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("CATALOG012"));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
