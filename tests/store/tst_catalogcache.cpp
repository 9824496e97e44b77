#include "core/store/CatalogFile.h"
#include "tests/support/TempHome.h"

#include <QFile>
#include <QSaveFile>
#include <QTest>

using namespace secretdesk;

// The catalog cache: a read whose stat() matches skips parsing, and any write, by this process or
// another, is seen by the next read.
class TestCatalogCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsParseOnceUntilTheFileChanges();
    void anotherWriterIsSeen_data();
    void anotherWriterIsSeen();
    void pendingIntentsRoundTrip();
    void damagedIntentIsDropped();
};

namespace {
SecretName nameOf(const char *text)
{
    return *SecretName::parse(QString::fromLatin1(text));
}
Status addSecret(const CatalogFile &file, const char *name)
{
    return file.update([&](Catalog &c) {
        c.upsert(ProfileName::defaultProfile(), SecretRecord{nameOf(name)});
        return Status();
    });
}
} // namespace

void TestCatalogCache::readsParseOnceUntilTheFileChanges()
{
    test::TempHome home;
    CatalogFile file(home.catalogPath());
    QVERIFY(addSecret(file, "A").ok());
    CatalogFile reader(home.catalogPath());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(reader.load()->records(ProfileName::defaultProfile()).size(), 1);
    QCOMPARE(reader.parseCount(), quint64(1));
    QVERIFY(addSecret(file, "B").ok());
    QCOMPARE(reader.load()->records(ProfileName::defaultProfile()).size(), 2);
    QCOMPARE(reader.parseCount(), quint64(2));
    // The writer's own cache holds what it wrote: it never parsed at all.
    QCOMPARE(file.parseCount(), quint64(0));
    QCOMPARE(file.load()->records(ProfileName::defaultProfile()).size(), 2);
}

void TestCatalogCache::anotherWriterIsSeen_data()
{
    QTest::addColumn<bool>("inPlace");
    QTest::newRow("replaced (new inode), same size") << false;
    QTest::newRow("rewritten in place (same inode), same size") << true;
}

void TestCatalogCache::anotherWriterIsSeen()
{
    QFETCH(bool, inPlace);
    test::TempHome home;
    CatalogFile file(home.catalogPath());
    QVERIFY(addSecret(file, "AAAA").ok());
    QVERIFY(file.load()->find(ProfileName::defaultProfile(), nameOf("AAAA")));
    QFile current(home.catalogPath());
    QVERIFY(current.open(QIODevice::ReadOnly));
    QByteArray other = current.readAll();
    current.close();
    other.replace("AAAA", "BBBB"); // same size
    QTest::qWait(20);              // past the file system's timestamp granularity
    if (inPlace) {
        QFile rewrite(home.catalogPath());
        QVERIFY(rewrite.open(QIODevice::ReadWrite));
        QCOMPARE(rewrite.write(other), other.size());
    } else {
        QSaveFile replace(home.catalogPath());
        QVERIFY(replace.open(QIODevice::WriteOnly));
        replace.write(other);
        QVERIFY(replace.commit());
    }
    const auto seen = file.load();
    QVERIFY(seen.ok());
    QVERIFY(!seen->find(ProfileName::defaultProfile(), nameOf("AAAA")));
    QVERIFY(seen->find(ProfileName::defaultProfile(), nameOf("BBBB")));
}

void TestCatalogCache::pendingIntentsRoundTrip()
{
    Catalog catalog;
    PendingIntent set =
        PendingIntent::make(PendingIntent::Op::Set, ProfileName::defaultProfile(), nameOf("A"));
    set.type = SecretValue::Type::Json;
    PendingIntent rename = PendingIntent::make(PendingIntent::Op::Rename,
                                               *ProfileName::parse(QStringLiteral("prod")), nameOf("B"));
    rename.newName = nameOf("C");
    catalog.addPending(set);
    catalog.addPending(rename);
    const auto back = Catalog::fromJson(catalog.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->pending().size(), 2);
    QCOMPARE(back->pending().at(0).type, SecretValue::Type::Json);
    QCOMPARE(back->pending().at(1).describe(), QStringLiteral("rename prod/B -> C"));
    QCOMPARE(back->pending().at(1).pid, rename.pid);
    Catalog cleared = *back;
    QVERIFY(cleared.removePending(set.id));
    QVERIFY(!cleared.removePending(set.id));
    QCOMPARE(cleared.pending().size(), 1);
}

void TestCatalogCache::damagedIntentIsDropped()
{
    const auto catalog = Catalog::fromJson(R"({"format":"secretdesk-catalog","version":1,"profiles":{},
        "pending":[{"id":"1","op":"explode","profile":"default","name":"A"},
                   {"id":"2","op":"rename","profile":"default","name":"A"},
                   {"id":"3","op":"delete","profile":"default","name":"A"}]})");
    QVERIFY(catalog.ok());
    QCOMPARE(catalog->pending().size(), 1);
    QCOMPARE(catalog->pending().first().id, QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestCatalogCache)
#include "tst_catalogcache.moc"
