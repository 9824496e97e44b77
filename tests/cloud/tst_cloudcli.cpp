#include "app/cli/CommandLine.h"
#include "app/cli/ExitCode.h"
#include "core/cloud/CloudLink.h"
#include "core/store/SecretStore.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "tests/support/fakeprefect/FakePrefect.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::cli;
using namespace secretdesk::test;

// The `cloud` commands in-process over QBuffers: the exact CLI contract, against the fake server.
class TestCloudCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void loginStoresTheKeyOnlyInTheKeychain_data();
    void loginStoresTheKeyOnlyInTheKeychain();
    void loginRejections_data();
    void loginRejections();
    void loginPromptsOnATerminal();
    void fullCycle_data();
    void fullCycle();
    void diffJsonNeverShowsValues();
    void pullConflictExitCodes();
    void unlinkedProfileIsAClearError();
    void networkFailureExitsWith4();
    void helpListsSubcommands();

private:
    using Run = test::CliRun;
    Run run(const QStringList &args, const QByteArray &input = {}, bool terminal = false);
    Run login(const QString &backend, const QByteArray &key);
    void save(const QString &name, const QString &value);

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<FakePrefect> m_server;
    QByteArray m_key;
    QByteArray m_promptAnswer;
};

namespace {
QString randomText()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}
} // namespace

TestCloudCli::Run TestCloudCli::run(const QStringList &args, const QByteArray &input, bool terminal)
{
    return test::runCliInProcess(m_store.get(), args, input, terminal,
                                 [this](const QString &) { return m_promptAnswer; });
}

void TestCloudCli::initTestCase()
{
    const QString problem = keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    // Keep the CLI's retries short: the defaults would wait seconds on a closed port.
    qputenv("SECRETDESK_CLOUD_RETRY_BASE_MS", "5");
    qputenv("SECRETDESK_CLOUD_TIMEOUT_MS", "2000");
    qputenv("SECRETDESK_CLOUD_ATTEMPTS", "2");
}

void TestCloudCli::init()
{
    m_store.reset();
    m_home = std::make_unique<TempHome>();
    m_vault = std::make_unique<KeychainVault>(uniqueKeychainService(QStringLiteral("cloudcli")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_server = std::make_unique<FakePrefect>();
    QVERIFY(m_server->listen());
    m_key = "pnu_test_" + randomText().toLatin1();
    m_server->setApiKey(m_key);
}

TestCloudCli::Run TestCloudCli::login(const QString &backend, const QByteArray &key)
{
    const QUrl url = backend == QLatin1String("prefect1") ? m_server->prefect1Url() : m_server->prefect2Url();
    return run({QStringLiteral("cloud"), QStringLiteral("login"), QStringLiteral("--backend"), backend,
                QStringLiteral("--api-url"), url.toString()},
               key + '\n');
}

void TestCloudCli::save(const QString &name, const QString &value)
{
    const Run r = run({QStringLiteral("set"), name, QStringLiteral("--stdin")}, value.toUtf8());
    QCOMPARE(r.code, 0);
}

void TestCloudCli::loginStoresTheKeyOnlyInTheKeychain_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("prefect1") << "prefect1";
    QTest::newRow("prefect2") << "prefect2";
}

void TestCloudCli::loginStoresTheKeyOnlyInTheKeychain()
{
    QFETCH(QString, backend);
    const Run r = login(backend, m_key);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(!r.out.contains(m_key) && !r.err.contains(m_key));
    QVERIFY(m_home->filesContaining(m_key).isEmpty()); // not in the catalog, nor anywhere on disk
    QFile catalog(m_home->catalogPath());
    QVERIFY(catalog.open(QIODevice::ReadOnly));
    QVERIFY(catalog.readAll().contains(backend.toUtf8()));
    const Run status = run({QStringLiteral("cloud"), QStringLiteral("status")});
    QCOMPARE(status.code, 0);
    QVERIFY(status.out.contains(backend.toUtf8()));

    const Run out = run({QStringLiteral("cloud"), QStringLiteral("logout")});
    QCOMPARE(out.code, 0);
    QCOMPARE(run({QStringLiteral("cloud"), QStringLiteral("status")}).code, int(ExitInvalid));
}

void TestCloudCli::loginRejections_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("errorPart");
    const QString login = QStringLiteral("login");
    QTest::newRow("wrong key") << QStringList{QStringLiteral("--backend"), QStringLiteral("prefect2")}
                               << QByteArray("pnu_wrong\n") << int(ExitRejected) << QByteArray("rejected");
    QTest::newRow("no key") << QStringList{QStringLiteral("--backend"), QStringLiteral("prefect2")}
                            << QByteArray() << int(ExitInvalid) << QByteArray("CLOUD032");
    QTest::newRow("bad backend") << QStringList{QStringLiteral("--backend"), QStringLiteral("prefect7")}
                                 << QByteArray("k\n") << int(ExitInvalid) << QByteArray("CLOUD002");
    QTest::newRow("key as argument") << QStringList{QStringLiteral("--backend"), QStringLiteral("prefect2"),
                                                    QStringLiteral("pnu_x")}
                                     << QByteArray("k\n") << int(ExitInvalid)
                                     << QByteArray("no API key argument");
}

void TestCloudCli::loginRejections()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, code);
    QFETCH(QByteArray, errorPart);
    const Run r = run(QStringList{QStringLiteral("cloud"), QStringLiteral("login"),
                                  QStringLiteral("--api-url"), m_server->prefect2Url().toString()} +
                          args,
                      input);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(errorPart), r.err.constData());
    QVERIFY(!CloudLink::load(m_store->catalogFile(), ProfileName::defaultProfile())->has_value());

    // Plain HTTP is refused for anything but loopback.
    const Run insecure = run({QStringLiteral("cloud"), QStringLiteral("login"), QStringLiteral("--backend"),
                              QStringLiteral("prefect2"), QStringLiteral("--api-url"),
                              QStringLiteral("http://prefect.example.com/api")},
                             m_key);
    QCOMPARE(insecure.code, int(ExitInvalid));
    QVERIFY(insecure.err.contains("HTTPS"));
}

void TestCloudCli::loginPromptsOnATerminal()
{
    m_promptAnswer = m_key;
    const Run r =
        run({QStringLiteral("cloud"), QStringLiteral("login"), QStringLiteral("--backend"),
             QStringLiteral("prefect2"), QStringLiteral("--api-url"), m_server->prefect2Url().toString()},
            {}, true);
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestCloudCli::fullCycle_data()
{
    loginStoresTheKeyOnlyInTheKeychain_data();
}

void TestCloudCli::fullCycle()
{
    QFETCH(QString, backend);
    const bool v2 = backend == QLatin1String("prefect2");
    const QString token = randomText();
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("--stdin"),
                  QStringLiteral("--type"), QStringLiteral("json")},
                 QStringLiteral("{\"aws_access_key_id\":\"%1\"}").arg(randomText()).toUtf8())
                 .code,
             0);
    save(QStringLiteral("API_TOKEN"), token);
    QCOMPARE(login(backend, m_key).code, 0);

    Run r = run({QStringLiteral("cloud"), QStringLiteral("push"), QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("create"));
    QVERIFY(m_server->secrets().isEmpty());

    r = run({QStringLiteral("cloud"), QStringLiteral("push")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(!r.out.contains(token.toUtf8()) && !r.err.contains(token.toUtf8()));
    const QString awsRemote = v2 ? QStringLiteral("aws-credentials") : QStringLiteral("AWS_CREDENTIALS");
    QVERIFY(m_server->secrets().value(awsRemote).isObject());

    m_server->setSecret(v2 ? QStringLiteral("from-remote") : QStringLiteral("FROM_REMOTE"),
                        QStringLiteral("hello"));
    r = run({QStringLiteral("cloud"), QStringLiteral("pull"), QStringLiteral("--names"),
             v2 ? QStringLiteral("from-remote") : QStringLiteral("FROM_REMOTE")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = run({QStringLiteral("get"), QStringLiteral("FROM_REMOTE")});
    QCOMPARE(r.out, QByteArray("hello"));

    r = run({QStringLiteral("cloud"), QStringLiteral("rm-remote"), QStringLiteral("API_TOKEN")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(!m_server->secrets().contains(v2 ? QStringLiteral("api-token") : QStringLiteral("API_TOKEN")));
    r = run({QStringLiteral("cloud"), QStringLiteral("rm-remote"), QStringLiteral("API_TOKEN")});
    QCOMPARE(r.code, int(ExitNotFound));

    r = run({QStringLiteral("cloud"), QStringLiteral("status")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("local-only"));
}

void TestCloudCli::diffJsonNeverShowsValues()
{
    const QString same = randomText(), mine = randomText(), theirs = randomText();
    save(QStringLiteral("SAME_ONE"), same);
    save(QStringLiteral("CHANGED_ONE"), mine);
    m_server->setSecret(QStringLiteral("same-one"), same);
    m_server->setSecret(QStringLiteral("changed-one"), theirs);
    QCOMPARE(login(QStringLiteral("prefect2"), m_key).code, 0);
    const Run r = run({QStringLiteral("cloud"), QStringLiteral("diff"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    for (const QString &value : {same, mine, theirs})
        QVERIFY(!r.out.contains(value.toUtf8()) && !r.err.contains(value.toUtf8()));
    QHash<QString, QString> comparison;
    for (const QJsonValue &entry : QJsonDocument::fromJson(r.out).array())
        comparison.insert(entry.toObject().value(QStringLiteral("local")).toString(),
                          entry.toObject().value(QStringLiteral("comparison")).toString());
    QCOMPARE(comparison.value(QStringLiteral("SAME_ONE")), QStringLiteral("same"));
    QCOMPARE(comparison.value(QStringLiteral("CHANGED_ONE")), QStringLiteral("changed"));
}

void TestCloudCli::pullConflictExitCodes()
{
    const QString mine = randomText();
    save(QStringLiteral("SHARED"), mine);
    m_server->setSecret(QStringLiteral("shared"), randomText());
    QCOMPARE(login(QStringLiteral("prefect2"), m_key).code, 0);
    Run r = run({QStringLiteral("cloud"), QStringLiteral("pull")});
    QCOMPARE(r.code, int(ExitInvalid)); // default policy: fail, nothing changes
    QVERIFY(r.err.contains("CLOUD016"));
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("SHARED")}).out, mine.toUtf8());
    r = run({QStringLiteral("cloud"), QStringLiteral("pull"), QStringLiteral("--on-conflict"),
             QStringLiteral("skip")});
    QCOMPARE(r.code, 0);
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("SHARED")}).out, mine.toUtf8());
    r = run({QStringLiteral("cloud"), QStringLiteral("pull"), QStringLiteral("--on-conflict"),
             QStringLiteral("overwrite")});
    QCOMPARE(r.code, 0);
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("SHARED")}).out,
             m_server->secrets().value(QStringLiteral("shared")).toString().toUtf8());
    r = run({QStringLiteral("cloud"), QStringLiteral("pull"), QStringLiteral("--on-conflict"),
             QStringLiteral("maybe")});
    QCOMPARE(r.code, int(ExitInvalid));
}

void TestCloudCli::unlinkedProfileIsAClearError()
{
    const Run r = run({QStringLiteral("cloud"), QStringLiteral("push")});
    QCOMPARE(r.code, int(ExitInvalid));
    QVERIFY(r.err.contains("CLOUD030"));
    QVERIFY(r.err.contains("cloud login"));
}

void TestCloudCli::networkFailureExitsWith4()
{
    QCOMPARE(login(QStringLiteral("prefect2"), m_key).code, 0);
    save(QStringLiteral("ANY"), QStringLiteral("x"));
    m_server.reset(); // the port closes: connection refused
    Run r = run({QStringLiteral("cloud"), QStringLiteral("push")});
    QCOMPARE(r.code, int(ExitRemote));
    QVERIFY(r.err.contains("NET001"));
    // And a key the server no longer accepts: one clear message, exit 5.
    m_server = std::make_unique<FakePrefect>();
    QVERIFY(m_server->listen());
    m_server->setApiKey("pnu_other_" + randomText().toLatin1());
    const QString url = m_server->prefect2Url().toString();
    QVERIFY(CloudLink::make(BackendKind::Prefect2, url)
                ->save(m_store->catalogFile(), ProfileName::defaultProfile())
                .ok());
    r = run({QStringLiteral("cloud"), QStringLiteral("push")});
    QCOMPARE(r.code, int(ExitRejected));
    QCOMPARE(r.err.count("rejected"), 1);
}

void TestCloudCli::helpListsSubcommands()
{
    const Run r = run({QStringLiteral("cloud"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char *sub : {"login", "status", "diff", "push", "pull", "rm-remote", "logout"})
        QVERIFY2(r.out.contains(sub), sub);
    QCOMPARE(run({QStringLiteral("cloud"), QStringLiteral("frobnicate")}).code, int(ExitInvalid));
    QCOMPARE(run({QStringLiteral("cloud"), QStringLiteral("pull"), QStringLiteral("--help")}).code, 0);
}

QTEST_GUILESS_MAIN(TestCloudCli)
#include "tst_cloudcli.moc"
