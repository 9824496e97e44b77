#include "core/importing/ImportRun.h"
#include "core/importing/ImportSource.h"
#include "tests/importing/ImportTestStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"

#include <QSignalSpy>
#include <QTest>

using namespace secretdesk;

// Applying plans with a real keyring: progress, and all or nothing when a write fails midway.
class TestImportRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void writesThePlanWithProgress();
    void rollsBackWhenAWriteFailsMidway_data();
    void rollsBackWhenAWriteFailsMidway();
    void blockedPlanWritesNothing();
    void storeChangedSincePlanningWritesNothing();

private:
    ImportPlan planFor(const QByteArray &toml, ImportConflict policy);
    ImportOutcome run(ImportRun &importRun);
    std::unique_ptr<test::ImportTestStore> m_store;
};

void TestImportRun::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestImportRun::init()
{
    m_store = std::make_unique<test::ImportTestStore>(QStringLiteral("importrun"));
    SecretChange kept{test::ImportTestStore::nameOf(QStringLiteral("EXISTING")),
                      SecretValue::fromString(QStringLiteral("old"))};
    kept.note = QStringLiteral("a note to keep");
    kept.kind = QStringLiteral("GITHUB_ACCESS_TOKEN");
    kept.target = ExportTarget::Both;
    QVERIFY(m_store->save(kept).ok());
}

void TestImportRun::cleanup()
{
    m_store.reset();
}

ImportPlan TestImportRun::planFor(const QByteArray &toml, ImportConflict policy)
{
    const auto found =
        ImportSource::configToml(m_store->writeFile(QStringLiteral("config.toml"), toml))
            .read(QProcessEnvironment(), PrefectEnvironment::fromMap({}, m_store->home().path()));
    if (!found)
        qWarning("%s", qPrintable(found.error().toString()));
    return ImportPlan::build(found ? *found : QList<PrefectSecretEntry>(), *m_store->store(),
                             test::ImportTestStore::profile(), policy);
}

ImportOutcome TestImportRun::run(ImportRun &importRun)
{
    ImportOutcome failed;
    failed.failure = Diagnostic::error(Failure::None, QStringLiteral("TEST001"), QStringLiteral("no answer"));
    return test::awaitCallback<ImportOutcome>([&](QObject *, auto done) { importRun.start(done); })
        .value_or(failed);
}

void TestImportRun::writesThePlanWithProgress()
{
    ImportRun importRun(m_store->store(),
                        planFor("[context.secrets]\nA = \"1\"\nEXISTING = \"new\"\nB = { K = \"v\" }\n"
                                "GITHUB_ACCESS_TOKEN = \"x\"\n",
                                ImportConflict::Overwrite));
    importRun.setRecordKinds(true);
    QSignalSpy progress(&importRun, &ImportRun::progress);
    const ImportOutcome outcome = run(importRun);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.failure->toString()));
    QCOMPARE(outcome.written, 4);
    QCOMPARE(outcome.total, 4);
    QCOMPARE(progress.size(), 5);
    for (int i = 0; i < progress.size(); ++i)
        QCOMPARE(progress.at(i), (QVariantList{i, 4}));
    QCOMPARE(m_store->value(QStringLiteral("EXISTING"))->utf8(), QByteArray("new"));
    QCOMPARE(m_store->value(QStringLiteral("B"))->utf8(), QByteArray(R"({"K":"v"})"));
    // Overwriting keeps the metadata the user gave; new secrets get the kind their name implies.
    const auto existing = m_store->store()->record(test::ImportTestStore::profile(),
                                                   test::ImportTestStore::nameOf(QStringLiteral("EXISTING")));
    QCOMPARE(existing->note, QStringLiteral("a note to keep"));
    QCOMPARE(m_store->store()
                 ->record(test::ImportTestStore::profile(),
                          test::ImportTestStore::nameOf(QStringLiteral("GITHUB_ACCESS_TOKEN")))
                 ->kind,
             QStringLiteral("GITHUB_ACCESS_TOKEN"));
    QCOMPARE(m_store->problems(), QStringList());
}

void TestImportRun::rollsBackWhenAWriteFailsMidway_data()
{
    QTest::addColumn<int>("failAt"); // 1-based write that fails
    QTest::addColumn<int>("reached");
    for (int at = 1; at <= 4; ++at)
        QTest::addRow("write %d fails", at) << at << at - 1;
}

void TestImportRun::rollsBackWhenAWriteFailsMidway()
{
    QFETCH(int, failAt);
    QFETCH(int, reached);
    const QStringList before = m_store->contents();
    QCOMPARE(before.size(), 1);

    ImportRun importRun(
        m_store->store(),
        planFor("[context.secrets]\nA = \"1\"\nEXISTING = \"new\"\nB = { K = \"v\" }\nC = \"3\"\n",
                ImportConflict::Overwrite));
    importRun.setRecordKinds(true);
    // The real store writes every secret but the failAt-th, which fails as a locked keychain does.
    int calls = 0;
    SecretStore *store = m_store->store();
    importRun.setSaveStep(
        [&, store](const SecretChange &change, QObject *context, SecretStore::RecordDone done) {
            if (++calls == failAt) {
                return done(Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST002"),
                                              QStringLiteral("the keychain refused the write")));
            }
            store->save(test::ImportTestStore::profile(), change, context, std::move(done));
        });
    const ImportOutcome outcome = run(importRun);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.failure->code, QStringLiteral("TEST002"));
    QVERIFY2(!outcome.rollbackFailure,
             qPrintable(outcome.rollbackFailure ? outcome.rollbackFailure->toString() : QString()));
    QCOMPARE(outcome.reached, reached);
    QCOMPARE(outcome.written, 0);
    QCOMPARE(m_store->contents(), before);
    QCOMPARE(m_store->problems(), QStringList());
}

void TestImportRun::blockedPlanWritesNothing()
{
    ImportRun importRun(m_store->store(),
                        planFor("[context.secrets]\nA = \"1\"\nEXISTING = \"new\"\n", ImportConflict::Fail));
    const QStringList before = m_store->contents();
    const ImportOutcome outcome = run(importRun);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.failure->code, QStringLiteral("IMPORT003"));
    QCOMPARE(m_store->contents(), before);
}

void TestImportRun::storeChangedSincePlanningWritesNothing()
{
    ImportRun importRun(m_store->store(),
                        planFor("[context.secrets]\nA = \"1\"\nLATE = \"2\"\n", ImportConflict::Fail));
    QVERIFY(m_store->save(QStringLiteral("LATE"), "someone else's").ok());
    const QStringList before = m_store->contents();
    const ImportOutcome outcome = run(importRun);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.failure->code, QStringLiteral("IMPORT005"));
    QCOMPARE(outcome.failure->location.line, 3);
    QCOMPARE(m_store->contents(), before);
}

QTEST_GUILESS_MAIN(TestImportRun)
#include "tst_importrun.moc"
