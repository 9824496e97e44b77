#include "app/cli/CommandLine.h"
#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::cli;

// import, export --to-config-toml / prefect-toml and validate, in-process against the real keychain.
class TestCliPrefect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void importFromConfigTomlKeepsTypes();
    void importConflictFailsAndChangesNothing();
    void importDryRunChangesNothing();
    void importFromEnvFileDecodesPrefectsRules();
    void exportToConfigTomlRoundTripsThroughImport();
    void validateExitCodesAndJson();
    void setTakesKindAndTypeFromTheName();

private:
    using Run = test::CliRun;
    Run run(const QStringList &args, const QByteArray &input = {});
    QString writeFile(const QString &name, const QByteArray &bytes);
    QByteArray get(const QString &name) { return run({QStringLiteral("get"), name}).out; }

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
};

TestCliPrefect::Run TestCliPrefect::run(const QStringList &args, const QByteArray &input)
{
    return test::runCliInProcess(m_store.get(), args, input);
}

QString TestCliPrefect::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_home->path() + QLatin1Char('/') + name;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

void TestCliPrefect::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestCliPrefect::init()
{
    m_store.reset();
    m_home = std::make_unique<test::TempHome>();
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("cliprefect")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
}

void TestCliPrefect::importFromConfigTomlKeepsTypes()
{
    const QString config =
        writeFile(QStringLiteral("config.toml"),
                  "# comment\n[context.secrets]\nTOKEN = \"plain-token\"\nQUOTED = \"'123'\"\n"
                  "AWS_CREDENTIALS = { ACCESS_KEY = \"k\", SECRET_ACCESS_KEY = \"s\" }\n");
    const Run r = run(
        {QStringLiteral("import"), QStringLiteral("--from-config-toml"), QStringLiteral("--config"), config});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(get(QStringLiteral("TOKEN")), QByteArray("plain-token"));
    QCOMPARE(get(QStringLiteral("QUOTED")), QByteArray("123")); // Prefect's two passes eat one literal level
    QCOMPARE(get(QStringLiteral("AWS_CREDENTIALS")),
             QByteArray(R"({"ACCESS_KEY":"k","SECRET_ACCESS_KEY":"s"})"));
}

void TestCliPrefect::importConflictFailsAndChangesNothing()
{
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("TOKEN"), QStringLiteral("--stdin")}, "mine").code,
             0);
    const QString config =
        writeFile(QStringLiteral("c.toml"), "[context.secrets]\nTOKEN = \"theirs\"\nOTHER = \"new-one\"\n");
    const QStringList base{QStringLiteral("import"), QStringLiteral("--from-config-toml"),
                           QStringLiteral("--config"), config};
    Run r = run(base);
    QCOMPARE(r.code, int(ExitInvalid));
    QVERIFY(r.err.contains("IMPORT002"));
    QCOMPARE(get(QStringLiteral("TOKEN")), QByteArray("mine"));
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("OTHER")}).code, int(ExitNotFound)); // all or nothing

    r = run(base + QStringList{QStringLiteral("--on-conflict"), QStringLiteral("skip")});
    QCOMPARE(r.code, 0);
    QCOMPARE(get(QStringLiteral("TOKEN")), QByteArray("mine"));
    QCOMPARE(get(QStringLiteral("OTHER")), QByteArray("new-one"));
    r = run(base + QStringList{QStringLiteral("--on-conflict"), QStringLiteral("overwrite")});
    QCOMPARE(r.code, 0);
    QCOMPARE(get(QStringLiteral("TOKEN")), QByteArray("theirs"));
}

void TestCliPrefect::importDryRunChangesNothing()
{
    const QString config = writeFile(QStringLiteral("d.toml"), "[context.secrets]\nA = \"x\"\n");
    const Run r = run({QStringLiteral("import"), QStringLiteral("--from-config-toml"),
                       QStringLiteral("--config"), config, QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("A "));
    QVERIFY(!r.out.contains(" x"));
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("A")}).code, int(ExitNotFound));
}

void TestCliPrefect::importFromEnvFileDecodesPrefectsRules()
{
    const QString env =
        writeFile(QStringLiteral(".env"), "PREFECT__CONTEXT__SECRETS__AWS_CREDENTIALS__ACCESS_KEY=k\n"
                                          "PREFECT__CONTEXT__SECRETS__AWS_CREDENTIALS__SECRET_ACCESS_KEY=s\n"
                                          "PREFECT__CONTEXT__SECRETS__PLAIN_TEXT=hello\n"
                                          "UNRELATED=1\n");
    const Run r = run({QStringLiteral("import"), QStringLiteral("--from-env-file"), env});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(get(QStringLiteral("PLAIN_TEXT")), QByteArray("hello"));
    QCOMPARE(get(QStringLiteral("AWS_CREDENTIALS")),
             QByteArray(R"({"ACCESS_KEY":"k","SECRET_ACCESS_KEY":"s"})"));
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("UNRELATED")}).code, int(ExitNotFound));
}

void TestCliPrefect::exportToConfigTomlRoundTripsThroughImport()
{
    const QByteArray tricky = "pa$HOME ~/x '123' true ${a.b} \"q\" \\";
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("TRICKY"), QStringLiteral("--stdin"),
                  QStringLiteral("--raw")},
                 tricky)
                 .code,
             0);
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("OBJ"), QStringLiteral("--stdin"),
                  QStringLiteral("--type"), QStringLiteral("json")},
                 R"({"a":true,"b":null,"c":"x\/y"})")
                 .code,
             0);
    const QString config =
        writeFile(QStringLiteral("prefect.toml"), "# keep this comment\n[cloud]\napi = \"x\"\n");
    Run r = run(
        {QStringLiteral("export"), QStringLiteral("--to-config-toml"), QStringLiteral("--config"), config});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile f(config);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray written = f.readAll();
    QVERIFY(written.startsWith("# keep this comment\n[cloud]\napi = \"x\"\n"));
    QVERIFY(QFile::exists(config + QStringLiteral(".bak")));
    QCOMPARE(QFile::permissions(config) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    // Reading it back the way Prefect does, into a fresh store, gives the stored values again.
    init();
    const QString copy = writeFile(QStringLiteral("prefect.toml"), written);
    r = run(
        {QStringLiteral("import"), QStringLiteral("--from-config-toml"), QStringLiteral("--config"), copy});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(get(QStringLiteral("TRICKY")), tricky);
    QCOMPARE(get(QStringLiteral("OBJ")), QByteArray(R"({"a":true,"b":null,"c":"x/y"})"));

    r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("prefect-toml")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith("[context.secrets]\n"));
}

void TestCliPrefect::validateExitCodesAndJson()
{
    Run r = run({QStringLiteral("validate"), QStringLiteral("--stdin"), QStringLiteral("--as"),
                 QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("--json")},
                R"({"ACCESS_KEY":"AKIA"})");
    QCOMPARE(r.code, int(ExitInvalid));
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(report.value(QStringLiteral("valid")).toBool(true), false);
    QVERIFY(!report.value(QStringLiteral("findings")).toArray().isEmpty());
    r = run({QStringLiteral("validate"), QStringLiteral("--stdin"), QStringLiteral("--as"),
             QStringLiteral("SLACK_WEBHOOK_URL")},
            "not a url");
    QCOMPARE(r.code, int(ExitInvalid));
    r = run({QStringLiteral("validate"), QStringLiteral("--stdin"), QStringLiteral("--as"),
             QStringLiteral("NO_SUCH_KIND")},
            "x");
    QCOMPARE(r.code, int(ExitInvalid));
    QVERIFY(r.err.contains("VALIDATE001"));
    QCOMPARE(run({QStringLiteral("validate"), QStringLiteral("MISSING")}).code, int(ExitNotFound));
}

void TestCliPrefect::setTakesKindAndTypeFromTheName()
{
    const Run r = run({QStringLiteral("set"), QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("--stdin")},
                      R"({"ACCESS_KEY":"AKIA","SECRET_KEY":"s"})");
    QCOMPARE(r.code, 0); // saved, with findings on stderr
    QVERIFY2(r.err.contains("AWS003"), r.err.constData());
    const auto record =
        m_store->record(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("AWS_CREDENTIALS")));
    QCOMPARE(record->type, SecretValue::Type::Json);
    QCOMPARE(record->kind, QStringLiteral("AWS_CREDENTIALS"));
}

QTEST_GUILESS_MAIN(TestCliPrefect)
#include "tst_cli_prefect.moc"
