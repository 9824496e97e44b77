#include "app/cli/CommandLine.h"
#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace secretdesk;
using namespace secretdesk::cli;

// The CLI's commands run in-process over QBuffers, against the real keychain.
class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void setGetListRm();
    void getPrintsExactlyTheValue_data();
    void getPrintsExactlyTheValue();
    void jsonValuesAreCompact();
    void invalidJsonNamesLineAndColumn();
    void valueIsNeverTakenFromArguments();
    void promptIsUsedOnATerminal();
    void profilesAreIndependent();
    void exitCodes_data();
    void exitCodes();
    void helpListsCommandsAndExitCodes();
    void interruptedChangesPointToDoctor();

private:
    using Run = test::CliRun;
    Run run(const QStringList &args, const QByteArray &input = {}, bool terminal = false);

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    QByteArray m_promptAnswer;
};

TestCli::Run TestCli::run(const QStringList &args, const QByteArray &input, bool terminal)
{
    return test::runCliInProcess(m_store.get(), args, input, terminal,
                                 [this](const QString &) { return m_promptAnswer; });
}

void TestCli::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestCli::init()
{
    m_store.reset();
    m_home = std::make_unique<test::TempHome>();
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("cli")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
}

void TestCli::setGetListRm()
{
    Run r = run({QStringLiteral("set"), QStringLiteral("DB_PASSWORD"), QStringLiteral("--stdin"),
                 QStringLiteral("--note"), QStringLiteral("staging")},
                "pa$$word'\"\n");
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    r = run({QStringLiteral("get"), QStringLiteral("DB_PASSWORD")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("pa$$word'\""));

    r = run({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("DB_PASSWORD"));
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("staging"));
    QVERIFY(!r.out.contains("pa$$word"));

    r = run({QStringLiteral("list")});
    QVERIFY(r.out.contains("DB_PASSWORD"));
    QVERIFY(!r.out.contains("pa$$word"));

    r = run({QStringLiteral("rm"), QStringLiteral("DB_PASSWORD")});
    QCOMPARE(r.code, 0);
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("DB_PASSWORD")}).code, int(ExitNotFound));
}

void TestCli::getPrintsExactlyTheValue_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("one trailing newline dropped")
        << QByteArray("tok\n") << QStringList() << QByteArray("tok");
    QTest::newRow("crlf dropped") << QByteArray("tok\r\n") << QStringList() << QByteArray("tok");
    QTest::newRow("only one newline dropped")
        << QByteArray("tok\n\n") << QStringList() << QByteArray("tok\n");
    QTest::newRow("raw keeps it") << QByteArray("tok\n") << QStringList{QStringLiteral("--raw")}
                                  << QByteArray("tok\n");
    QTest::newRow("empty") << QByteArray() << QStringList() << QByteArray();
    QTest::newRow("multiline") << QByteArray("-----BEGIN X-----\nabc\n-----END X-----\n")
                               << QStringList{QStringLiteral("--raw")}
                               << QByteArray("-----BEGIN X-----\nabc\n-----END X-----\n");
    QTest::newRow("unicode") << QByteArray("\xE2\x80\x98q\xE2\x80\x99 \xF0\x9F\x98\x80") << QStringList()
                             << QByteArray("\xE2\x80\x98q\xE2\x80\x99 \xF0\x9F\x98\x80");
}

void TestCli::getPrintsExactlyTheValue()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, stored);
    QCOMPARE(
        run(QStringList{QStringLiteral("set"), QStringLiteral("V"), QStringLiteral("--stdin")} + extra, input)
            .code,
        0);
    const Run r = run({QStringLiteral("get"), QStringLiteral("V")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, stored);
}

void TestCli::jsonValuesAreCompact()
{
    const QByteArray doc = "{\n  \"ACCESS_KEY\": \"k\",\n  \"SECRET_ACCESS_KEY\": \"s\"\n}\n";
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("--stdin"),
                  QStringLiteral("--type"), QStringLiteral("json")},
                 doc)
                 .code,
             0);
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("AWS_CREDENTIALS")}).out,
             QByteArray(R"({"ACCESS_KEY":"k","SECRET_ACCESS_KEY":"s"})"));
}

void TestCli::invalidJsonNamesLineAndColumn()
{
    const Run r = run({QStringLiteral("set"), QStringLiteral("J"), QStringLiteral("--stdin"),
                       QStringLiteral("--type"), QStringLiteral("json")},
                      "{\n  \"a\": tru\n}");
    QCOMPARE(r.code, int(ExitInvalid));
    QVERIFY2(r.err.contains("<value>:2:"), r.err.constData());
    QVERIFY(r.err.contains("VALUE002"));
    QVERIFY(!m_store->record(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("J"))).ok());
}

void TestCli::valueIsNeverTakenFromArguments()
{
    const Run r = run({QStringLiteral("set"), QStringLiteral("X"), QStringLiteral("the-value")});
    QCOMPARE(r.code, int(ExitInvalid));
    QVERIFY(r.err.contains("never"));
    const Run none = run({QStringLiteral("set"), QStringLiteral("X")});
    QCOMPARE(none.code, int(ExitInvalid));
    QVERIFY(none.err.contains("INPUT004"));
}

void TestCli::promptIsUsedOnATerminal()
{
    m_promptAnswer = "typed-secret";
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("TYPED")}, {}, /*terminal=*/true).code, 0);
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("TYPED")}).out, QByteArray("typed-secret"));
}

void TestCli::profilesAreIndependent()
{
    QCOMPARE(run({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("set"),
                  QStringLiteral("K"), QStringLiteral("--stdin")},
                 "prod-value")
                 .code,
             0);
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("K")}).code, int(ExitNotFound));
    QCOMPARE(
        run({QStringLiteral("get"), QStringLiteral("K"), QStringLiteral("--profile"), QStringLiteral("prod")})
            .out,
        QByteArray("prod-value"));
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no command") << QStringList() << int(ExitInvalid);
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << int(ExitInvalid);
    QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")}
                                    << int(ExitInvalid);
    QTest::newRow("bad name") << QStringList{QStringLiteral("get"), QStringLiteral("A__B")}
                              << int(ExitInvalid);
    QTest::newRow("bad profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("a/b"),
                                                QStringLiteral("list")}
                                 << int(ExitInvalid);
    QTest::newRow("missing secret") << QStringList{QStringLiteral("get"), QStringLiteral("NOPE")}
                                    << int(ExitNotFound);
    QTest::newRow("rm missing") << QStringList{QStringLiteral("rm"), QStringLiteral("NOPE")}
                                << int(ExitNotFound);
    QTest::newRow("missing file") << QStringList{QStringLiteral("set"), QStringLiteral("F"),
                                                 QStringLiteral("--from-file"),
                                                 QStringLiteral("/nonexistent/file")}
                                  << int(ExitNotFound);
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << int(ExitOk);
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Run r = run(args);
    QCOMPARE(r.code, code);
    if (code != ExitOk)
        QVERIFY2(r.err.startsWith("secretdesk-cli: ") || r.out.startsWith("Usage:"), r.err.constData());
}

void TestCli::helpListsCommandsAndExitCodes()
{
    const Run r = run({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char *word : {"list", "get", "set", "rm", "Exit codes", "keychain unavailable"})
        QVERIFY2(r.out.contains(word), word);
    const Run sub = run({QStringLiteral("set"), QStringLiteral("--help")});
    QCOMPARE(sub.code, 0);
    QVERIFY(sub.out.startsWith("Usage: secretdesk-cli set NAME"));
    QVERIFY(sub.out.contains("--from-file"));
}

void TestCli::interruptedChangesPointToDoctor()
{
    QCOMPARE(run({QStringLiteral("set"), QStringLiteral("KEPT"), QStringLiteral("--stdin")}, "v").code, 0);
    QVERIFY(!run({QStringLiteral("list")}).err.contains("interrupted"));

    // What a writer killed between its keychain and catalog writes leaves: an intent whose process is gone.
    PendingIntent dead = PendingIntent::make(PendingIntent::Op::Set, ProfileName::defaultProfile(),
                                             *SecretName::parse(QStringLiteral("HALF_DONE")));
    dead.pid = std::numeric_limits<qint32>::max(); // above pid_max: no such process
    PendingIntent running = PendingIntent::make(PendingIntent::Op::Delete, ProfileName::defaultProfile(),
                                                *SecretName::parse(QStringLiteral("IN_FLIGHT")));
    QVERIFY(m_store->catalogFile()
                .update([&](Catalog &catalog) {
                    catalog.addPending(dead);
                    catalog.addPending(running); // this test's own pid: a writer still at work
                    return Status{};
                })
                .ok());

    const Run listed = run({QStringLiteral("list")});
    QCOMPARE(listed.code, 0);
    QVERIFY2(listed.err.contains("interrupted (set default/HALF_DONE)"), listed.err.constData());
    QVERIFY(listed.err.contains("secretdesk-cli doctor"));
    QVERIFY(!listed.err.contains("IN_FLIGHT"));
    QVERIFY(!run({QStringLiteral("doctor")}).err.contains("run 'secretdesk-cli doctor'"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
