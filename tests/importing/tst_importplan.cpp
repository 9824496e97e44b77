#include "core/importing/ImportPlan.h"
#include "core/importing/ImportSource.h"
#include "tests/importing/ImportTestStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"

#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

// Plans from each source against a profile that already holds EXISTING ("old") and SAME ("kept"):
// states, the conflict policy's actions, refused names with file:line, and no value in any text.
class TestImportPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void plansEachSource_data();
    void plansEachSource();
    void kindsComeFromNameOrValue();
    void noValueInAnyText();
    void unreadableStoredValueStaysConflict();

private:
    ImportPlan plan(int kind, const QByteArray &text, const QStringList &plain, ImportConflict policy,
                    bool compare);
    std::unique_ptr<test::ImportTestStore> m_store;
};

void TestImportPlan::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestImportPlan::init()
{
    m_store = std::make_unique<test::ImportTestStore>(QStringLiteral("importplan"));
    QVERIFY(m_store->save(QStringLiteral("EXISTING"), "old").ok());
    QVERIFY(m_store->save(QStringLiteral("SAME"), "kept").ok());
}

void TestImportPlan::cleanup()
{
    m_store.reset();
}

ImportPlan TestImportPlan::plan(int kind, const QByteArray &text, const QStringList &plain,
                                ImportConflict policy, bool compare)
{
    ImportSource source;
    QProcessEnvironment env;
    if (kind == int(ImportSource::Kind::Environment)) {
        source = ImportSource::environment(plain);
        for (const QString &line : QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            env.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    } else if (kind == int(ImportSource::Kind::EnvFile)) {
        source = ImportSource::envFile(m_store->writeFile(QStringLiteral("plan.env"), text), plain);
    } else {
        source = ImportSource::configToml(m_store->writeFile(QStringLiteral("config.toml"), text));
    }
    const auto found = source.read(env, PrefectEnvironment::fromMap({}, m_store->home().path()));
    if (!found) {
        qWarning("%s", qPrintable(found.error().toString()));
        return ImportPlan(test::ImportTestStore::profile(), policy);
    }
    ImportPlan built = ImportPlan::build(*found, *m_store->store(), test::ImportTestStore::profile(), policy);
    if (!compare)
        return built;
    auto compared = test::awaitCallback<ImportPlan>(
        [&](QObject *ctx, auto done) { ImportPlan::compareValues(built, m_store->store(), ctx, done); });
    return compared.value_or(ImportPlan(test::ImportTestStore::profile(), policy));
}

void TestImportPlan::plansEachSource_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("plain");
    QTest::addColumn<int>("policy");
    QTest::addColumn<bool>("compare");
    QTest::addColumn<QStringList>("items");       // NAME state action
    QTest::addColumn<QStringList>("diagnostics"); // CODE@line, in order
    QTest::addColumn<bool>("blocked");

    const int toml = int(ImportSource::Kind::ConfigToml);
    const int envFile = int(ImportSource::Kind::EnvFile);
    const int environment = int(ImportSource::Kind::Environment);
    const QByteArray conflicting = "[context.secrets]\nFRESH = \"a\"\nEXISTING = \"b\"\nSAME = \"kept\"\n";
    const auto s = [](const char *text) {
        return QString::fromLatin1(text);
    };

    QTest::newRow("toml fail") << toml << conflicting << QStringList() << int(ImportConflict::Fail) << false
                               << QStringList{s("FRESH new new"), s("EXISTING conflict blocked"),
                                              s("SAME conflict blocked")}
                               << QStringList{s("IMPORT002@3"), s("IMPORT002@4")} << true;
    QTest::newRow("toml skip") << toml << conflicting << QStringList() << int(ImportConflict::Skip) << false
                               << QStringList{s("FRESH new new"), s("EXISTING conflict skip"),
                                              s("SAME conflict skip")}
                               << QStringList() << false;
    QTest::newRow("toml overwrite") << toml << conflicting << QStringList() << int(ImportConflict::Overwrite)
                                    << false
                                    << QStringList{s("FRESH new new"), s("EXISTING conflict overwrite"),
                                                   s("SAME conflict overwrite")}
                                    << QStringList() << false;
    QTest::newRow("toml compared fail")
        << toml << conflicting << QStringList() << int(ImportConflict::Fail) << true
        << QStringList{s("FRESH new new"), s("EXISTING changed blocked"), s("SAME same unchanged")}
        << QStringList{s("IMPORT002@3")} << true;
    QTest::newRow("toml compared overwrite")
        << toml << conflicting << QStringList() << int(ImportConflict::Overwrite) << true
        << QStringList{s("FRESH new new"), s("EXISTING changed overwrite"), s("SAME same unchanged")}
        << QStringList() << false;
    QTest::newRow("toml invalid names")
        << toml
        << QByteArray("[context.secrets]\nOK = \"one\"\n\"has space\" = \"two\"\n\n\"9LIVES\" = \"three\"\n")
        << QStringList() << int(ImportConflict::Skip) << false
        << QStringList{s("OK new new"), s("has space invalid blocked"), s("9LIVES invalid blocked")}
        << QStringList{s("PREFECT030@3"), s("NAME004@3"), s("PREFECT030@5"), s("NAME003@5")} << true;
    QTest::newRow("env file with plain")
        << envFile << QByteArray("PREFECT__CONTEXT__SECRETS__EXISTING=x\nPLAIN_ONE=p\n")
        << QStringList{s("PLAIN_ONE")} << int(ImportConflict::Skip) << false
        << QStringList{s("EXISTING conflict skip"), s("PLAIN_ONE new new")} << QStringList() << false;
    QTest::newRow("env file invalid name")
        << envFile
        << QByteArray("\nPREFECT__CONTEXT__SECRETS__GOOD=one\nPREFECT__CONTEXT__SECRETS__BAD-NAME=two\n")
        << QStringList() << int(ImportConflict::Fail) << false
        << QStringList{s("GOOD new new"), s("BAD-NAME invalid blocked")}
        << QStringList{s("PREFECT030@3"), s("NAME004@3")} << true;
    QTest::newRow("env file missing plain")
        << envFile << QByteArray("PREFECT__CONTEXT__SECRETS__GOOD=one\n") << QStringList{s("NOT_SET")}
        << int(ImportConflict::Fail) << false << QStringList{s("GOOD new new"), s("NOT_SET invalid blocked")}
        << QStringList{s("PREFECT054@0")} << true;
    QTest::newRow("environment compared")
        << environment
        << QByteArray("PREFECT__CONTEXT__SECRETS__SAME=kept\nPREFECT__CONTEXT__SECRETS__NEW=n\n")
        << QStringList() << int(ImportConflict::Fail) << true
        << QStringList{s("NEW new new"), s("SAME same unchanged")} << QStringList() << false;
}

void TestImportPlan::plansEachSource()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, text);
    QFETCH(QStringList, plain);
    QFETCH(int, policy);
    QFETCH(bool, compare);
    QFETCH(QStringList, items);
    QFETCH(QStringList, diagnostics);
    QFETCH(bool, blocked);

    const ImportPlan p = plan(kind, text, plain, ImportConflict(policy), compare);
    QStringList gotItems;
    for (const ImportItem &item : p.items()) {
        gotItems.append(QStringList{item.name, ImportItem::stateName(item.state), item.actionName()}.join(
            QLatin1Char(' ')));
    }
    if (kind == int(ImportSource::Kind::Environment))
        std::sort(gotItems.begin(), gotItems.end()); // the process environment has no order
    QCOMPARE(gotItems, items);
    QStringList gotDiagnostics;
    for (const Diagnostic &d : p.diagnostics()) {
        gotDiagnostics.append(d.code + QLatin1Char('@') + QString::number(d.location.line));
        if (kind != int(ImportSource::Kind::Environment) && d.location.line > 0)
            QVERIFY2(d.location.file.endsWith(QStringLiteral(".env")) ||
                         d.location.file.endsWith(QStringLiteral("config.toml")),
                     qPrintable(d.toString()));
    }
    QCOMPARE(gotDiagnostics.join(QLatin1Char(' ')), diagnostics.join(QLatin1Char(' ')));
    QCOMPARE(p.blocked(), blocked);
    // Changing the policy afterwards gives the same actions as planning with it.
    ImportPlan again = p;
    again.setPolicy(ImportConflict::Overwrite);
    QCOMPARE(again.blocked(), p.count(ImportItem::State::Invalid) > 0);
}

void TestImportPlan::kindsComeFromNameOrValue()
{
    // A token shape generated here: never a real credential.
    QByteArray token = "ghp_";
    for (int i = 0; i < 36; ++i)
        token.append(char('a' + QRandomGenerator::global()->bounded(26)));
    const QByteArray text =
        "[context.secrets]\nAWS_CREDENTIALS = { ACCESS_KEY = \"k\", SECRET_ACCESS_KEY = \"s\" }\n"
        "MY_TOKEN = \"" +
        token + "\"\nPLAIN = \"nothing special\"\n";
    const ImportPlan p = plan(int(ImportSource::Kind::ConfigToml), text, {}, ImportConflict::Fail, false);
    QCOMPARE(p.items().size(), 3);
    QCOMPARE(p.items().at(0).kind, QStringLiteral("AWS_CREDENTIALS"));
    QCOMPARE(p.items().at(1).kind, QStringLiteral("GITHUB_ACCESS_TOKEN"));
    QVERIFY(p.items().at(2).kind.isEmpty());
}

void TestImportPlan::noValueInAnyText()
{
    const QByteArray secret = QByteArray::number(QRandomGenerator::global()->generate64(), 36) + "-marker";
    const QByteArray text =
        "[context.secrets]\nEXISTING = \"" + secret + "\"\n\"bad name\" = \"" + secret + "\"\n";
    const ImportPlan p = plan(int(ImportSource::Kind::ConfigToml), text, {}, ImportConflict::Fail, true);
    QCOMPARE(p.items().size(), 2);
    for (const ImportItem &item : p.items()) {
        QVERIFY(!item.name.contains(QString::fromUtf8(secret)));
        QVERIFY(!item.origin.contains(QString::fromUtf8(secret)));
        QVERIFY(!item.actionName().contains(QString::fromUtf8(secret)));
    }
    QVERIFY(!p.diagnostics().isEmpty());
    for (const Diagnostic &d : p.diagnostics())
        QVERIFY2(!d.toString().contains(QString::fromUtf8(secret)) &&
                     !d.fix.contains(QString::fromUtf8(secret)),
                 qPrintable(d.code));
}

void TestImportPlan::unreadableStoredValueStaysConflict()
{
    // The catalog still lists EXISTING, but its keychain item is gone.
    KeychainVault *vault = m_store->store()->vault();
    const QString key = SecretStore::keychainKey(test::ImportTestStore::profile(),
                                                 test::ImportTestStore::nameOf(QStringLiteral("EXISTING")));
    const auto removed =
        test::awaitCallback<Status>([&](QObject *ctx, auto done) { vault->remove(key, ctx, done); });
    QVERIFY(removed && removed->ok());
    const ImportPlan p = plan(int(ImportSource::Kind::ConfigToml), "[context.secrets]\nEXISTING = \"new\"\n",
                              {}, ImportConflict::Skip, true);
    QCOMPARE(p.items().size(), 1);
    QCOMPARE(p.items().constFirst().state, ImportItem::State::Conflict);
    QCOMPARE(p.items().constFirst().action, ImportItem::Action::Skip);
    QCOMPARE(p.diagnostics().size(), 1);
    QCOMPARE(p.diagnostics().constFirst().code, QStringLiteral("IMPORT004"));
    QCOMPARE(p.diagnostics().constFirst().severity, Severity::Warning);
    QCOMPARE(p.diagnostics().constFirst().location.line, 2);
}

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_importplan.moc"
