#include "core/store/SecretStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/CliRunner.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "tests/support/fakeprefect/FakePrefect.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

namespace {

// Every message any logging category prints in this process, debug included.
QByteArray &capturedLog()
{
    static QByteArray log;
    return log;
}

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    capturedLog() +=
        QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
}

QByteArray randomMarker()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray marker("mk");
    for (int i = 0; i < 22; ++i)
        marker += alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)];
    return marker;
}

} // namespace

// Plants 100 random markers through every path a value takes (CLI set, import, export, run, validate,
// cloud login/push/pull, GUI add/edit/reveal/copy/lock/export) with debug logging on everywhere, then
// searches every file under HOME, the XDG folders and TMPDIR, every log line and every output nobody asked a
// value for. Only the keychain and the files the test itself asked for may hold a marker.
class TestLeakScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cliSetGetAndValidate();
    void cliImport();
    void cliExportAndRun();
    void cloudLoginPushAndPull();
    void guiAddEditRevealAndExport();
    void everyPlantedValueIsInTheKeychain();
    void noMarkerOutsideTheKeychain();
    void cleanupTestCase();

private:
    static constexpr int markerCount = 100;
    // `requested`: the command's stdout is the value the user asked for; anything else must be clean.
    CliRun cli(const QStringList &args, const QByteArray &input = {}, bool requested = false,
               const QStringList &extraEnv = {});
    QString inputFile(const QString &name, const QByteArray &content);
    QByteArray valueOf(const QString &name, const QString &profile = QStringLiteral("default"));

    std::unique_ptr<TempHome> m_home;
    QTemporaryDir m_allowed; // inputs the test wrote and exports it asked for
    QString m_service;
    QList<QByteArray> m_markers;
    QHash<QString, QByteArray> m_expected; // "profile/NAME" -> the marker its value must contain
    QList<QByteArray> m_unrequested;       // stdout and stderr that must not hold any value
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    FakePrefect m_server;
    QtMessageHandler m_previousHandler = nullptr;
};

void TestLeakScan::initTestCase()
{
    const QString problem = keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    QVERIFY(m_allowed.isValid());
    m_home = std::make_unique<TempHome>();
    m_service = uniqueKeychainService(QStringLiteral("leakscan"));
    for (int i = 0; i < markerCount; ++i)
        m_markers << randomMarker();

    // This process writes as the GUI does: the same HOME, XDG folders and TMPDIR as the CLI children.
    for (const QString &entry : m_home->environment({})) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        qputenv(entry.left(eq).toUtf8().constData(), entry.mid(eq + 1).toUtf8());
    }
    qputenv("SECRETDESK_KEYCHAIN_SERVICE", m_service.toUtf8());
    m_previousHandler = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));

    m_vault = std::make_unique<KeychainVault>(m_service);
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_server.setApiKey(m_markers.at(50));
    QVERIFY(m_server.listen());
}

CliRun TestLeakScan::cli(const QStringList &args, const QByteArray &input, bool requested,
                         const QStringList &extraEnv)
{
    QStringList env = m_home->environment(QProcess::systemEnvironment());
    env << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service
        << QStringLiteral("QT_LOGGING_RULES=*.debug=true") << extraEnv;
    CliRun run = runCliProcess(QStringLiteral(SECRETDESK_CLI_PATH), args, env, input, m_home->tempDir());
    m_unrequested << run.err;
    if (!requested)
        m_unrequested << run.out;
    return run;
}

QString TestLeakScan::inputFile(const QString &name, const QByteArray &content)
{
    const QString path = m_allowed.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QByteArray TestLeakScan::valueOf(const QString &name, const QString &profile)
{
    const CliRun got = cli({QStringLiteral("--profile"), profile, QStringLiteral("get"), name}, {}, true);
    return got.code == 0 ? got.out : QByteArray();
}

void TestLeakScan::cliSetGetAndValidate()
{
    for (int i = 0; i < 20; ++i) {
        const QString name = QStringLiteral("STRING_%1").arg(i);
        const QByteArray value = (i % 2 ? "pw-" : "") + m_markers.at(i) + (i % 3 ? "" : " $HOME ~ 'q' \"d\"");
        const CliRun set = cli({QStringLiteral("set"), name, QStringLiteral("--stdin")}, value);
        QCOMPARE(set.code, 0);
        m_expected.insert(QStringLiteral("default/") + name, m_markers.at(i));
    }
    for (int i = 20; i < 25; ++i) {
        const QString name = QStringLiteral("AWS_%1").arg(i);
        const QByteArray json = "{\"ACCESS_KEY\":\"AKIA" + m_markers.at(i).right(16).toUpper() +
                                "\",\"SECRET_ACCESS_KEY\":\"" + m_markers.at(i) + "\"}";
        QCOMPARE(cli({QStringLiteral("set"), name, QStringLiteral("--stdin"), QStringLiteral("--type"),
                      QStringLiteral("json"), QStringLiteral("--kind"), QStringLiteral("AWS_CREDENTIALS")},
                     json)
                     .code,
                 0);
        m_expected.insert(QStringLiteral("default/") + name, m_markers.at(i));
    }
    for (int i = 81; i < 86; ++i) {
        const QString name = QStringLiteral("FROM_FILE_%1").arg(i);
        const QString path = inputFile(name, m_markers.at(i));
        QCOMPARE(cli({QStringLiteral("set"), name, QStringLiteral("--from-file"), path}).code, 0);
        m_expected.insert(QStringLiteral("default/") + name, m_markers.at(i));
    }
    // Values checked and never kept: from stdin and from a file, with debug logging on.
    for (int i = 76; i < 81; ++i) {
        const QByteArray token = "ghp_" + m_markers.at(i);
        const CliRun checked = cli({QStringLiteral("validate"), QStringLiteral("--stdin"),
                                    QStringLiteral("--as"), QStringLiteral("GITHUB_ACCESS_TOKEN")},
                                   token);
        QVERIFY2(checked.code == 0 || checked.code == 1, checked.err.constData());
        const QString path = inputFile(QStringLiteral("validate-%1.json").arg(i),
                                       "{\"private_key\":\"" + m_markers.at(i) + "\"}");
        cli({QStringLiteral("validate"), QStringLiteral("--file"), path, QStringLiteral("--as"),
             QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("--json")});
    }
    const int storedCheck = cli({QStringLiteral("validate"), QStringLiteral("AWS_20")}).code;
    QVERIFY(storedCheck == 0 || storedCheck == 1);
    QVERIFY(valueOf(QStringLiteral("STRING_1")).contains(m_markers.at(1)));
    cli({QStringLiteral("list"), QStringLiteral("--json")});

    // A deleted value must not linger anywhere either.
    for (int i = 91; i < 96; ++i) {
        const QString name = QStringLiteral("DELETED_%1").arg(i);
        QCOMPARE(cli({QStringLiteral("set"), name, QStringLiteral("--stdin")}, m_markers.at(i)).code, 0);
        QCOMPARE(cli({QStringLiteral("rm"), name}).code, 0);
    }
}

void TestLeakScan::cliImport()
{
    QByteArray env = "# written by the test\n";
    for (int i = 25; i < 35; ++i)
        env += "PREFECT__CONTEXT__SECRETS__ENV_" + QByteArray::number(i) + "='" + m_markers.at(i) + "'\n";
    QStringList plain;
    for (int i = 96; i < 100; ++i) {
        env += "PLAIN_" + QByteArray::number(i) + "=" + m_markers.at(i) + "\n";
        plain << QStringLiteral("PLAIN_%1").arg(i);
    }
    const QString envFile = inputFile(QStringLiteral("import.env"), env);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--from-env-file"), envFile,
                  QStringLiteral("--dry-run"), QStringLiteral("--plain"), plain.join(QLatin1Char(','))})
                 .code,
             0);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--from-env-file"), envFile,
                  QStringLiteral("--plain"), plain.join(QLatin1Char(','))})
                 .code,
             0);
    for (int i = 25; i < 35; ++i)
        m_expected.insert(QStringLiteral("default/ENV_%1").arg(i), m_markers.at(i));
    for (int i = 96; i < 100; ++i)
        m_expected.insert(QStringLiteral("default/PLAIN_%1").arg(i), m_markers.at(i));

    QByteArray toml = "[context.secrets]\n";
    for (int i = 35; i < 45; ++i) {
        toml += i % 2 ? "TOML_" + QByteArray::number(i) + " = \"" + m_markers.at(i) + "\"\n"
                      : "TOML_" + QByteArray::number(i) + " = { user = \"u\", password = \"" +
                            m_markers.at(i) + "\" }\n";
        m_expected.insert(QStringLiteral("default/TOML_%1").arg(i), m_markers.at(i));
    }
    const QString config = inputFile(QStringLiteral("config.toml"), toml);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--from-config-toml"), QStringLiteral("--config"),
                  config})
                 .code,
             0);

    QStringList fromEnvironment;
    for (int i = 45; i < 50; ++i) {
        fromEnvironment << QStringLiteral("PREFECT__CONTEXT__SECRETS__PROCESS_%1=").arg(i) +
                               QString::fromLatin1(m_markers.at(i));
        m_expected.insert(QStringLiteral("default/PROCESS_%1").arg(i), m_markers.at(i));
    }
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--from-environment")}, {}, false, fromEnvironment)
                 .code,
             0);
}

void TestLeakScan::cliExportAndRun()
{
    const QStringList formats{
        QStringLiteral("posix"),          QStringLiteral("bash"),        QStringLiteral("zsh"),
        QStringLiteral("fish"),           QStringLiteral("powershell"),  QStringLiteral("cmd"),
        QStringLiteral("dotenv"),         QStringLiteral("docker-env"),  QStringLiteral("json"),
        QStringLiteral("github-actions"), QStringLiteral("prefect-toml")};
    for (const QString &format : formats) {
        const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("--format"), format}, {}, true);
        QVERIFY2(exported.code == 0 || exported.code == 1, qPrintable(format));
        // A format that cannot carry some value refuses the whole export, naming it on stderr.
        QVERIFY2(exported.code == 0 ? exported.out.contains(m_markers.at(1)) : !exported.err.isEmpty(),
                 qPrintable(format));
    }
    const QString output = m_allowed.filePath(QStringLiteral("exported.env"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("dotenv"),
                  QStringLiteral("--names"), QStringLiteral("STRING_1,AWS_20"), QStringLiteral("--output"),
                  output})
                 .code,
             0);
    QCOMPARE(QFileInfo(output).permissions() & 0x0077, QFileDevice::Permissions());
    const QString config = m_allowed.filePath(QStringLiteral("prefect-config.toml"));
    QVERIFY(!inputFile(QStringLiteral("prefect-config.toml"), "[logging]\nlevel = \"INFO\"\n").isEmpty());
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--to-config-toml"), QStringLiteral("--config"),
                  config})
                 .code,
             0);

    const CliRun shown = cli({QStringLiteral("run"), QStringLiteral("--names"), QStringLiteral("STRING_2"),
                              QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("printf %s \"$PREFECT__CONTEXT__SECRETS__STRING_2\"")},
                             {}, true);
    QCOMPARE(shown.code, 0);
    QVERIFY(shown.out.contains(m_markers.at(2)));
    // --mask: the output is not the value the user asked for, so it joins the scanned outputs.
    const CliRun masked =
        cli({QStringLiteral("run"), QStringLiteral("--mask"), QStringLiteral("--"), QStringLiteral("sh"),
             QStringLiteral("-c"), QStringLiteral("env; echo \"$PREFECT__CONTEXT__SECRETS__STRING_4\" >&2")});
    QCOMPARE(masked.code, 0);
    QVERIFY(masked.out.contains("*****"));
}

void TestLeakScan::cloudLoginPushAndPull()
{
    for (int i = 51; i < 60; ++i) {
        m_server.setSecret(
            QStringLiteral("remote-%1").arg(i),
            i % 2 ? QJsonValue(QString::fromLatin1(m_markers.at(i)))
                  : QJsonValue(QJsonObject{{QStringLiteral("token"), QString::fromLatin1(m_markers.at(i))}}));
        m_expected.insert(QStringLiteral("default/REMOTE_%1").arg(i), m_markers.at(i));
    }
    // Prefect 1 names are identifiers: this one is for the second profile below.
    m_server.setSecret(QStringLiteral("TEAM_TOKEN"), QString::fromLatin1(m_markers.at(60)));
    QCOMPARE(cli({QStringLiteral("cloud"), QStringLiteral("login"), QStringLiteral("--backend"),
                  QStringLiteral("prefect2"), QStringLiteral("--api-url"), m_server.prefect2Url().toString()},
                 m_markers.at(50))
                 .code,
             0);
    cli({QStringLiteral("cloud"), QStringLiteral("status")});
    QCOMPARE(cli({QStringLiteral("cloud"), QStringLiteral("diff"), QStringLiteral("--json")}).code, 0);
    QCOMPARE(cli({QStringLiteral("cloud"), QStringLiteral("push"), QStringLiteral("--dry-run")}).code, 0);
    const CliRun pushed = cli({QStringLiteral("cloud"), QStringLiteral("push")});
    QVERIFY2(pushed.code == 0, pushed.err.constData());
    QCOMPARE(cli({QStringLiteral("cloud"), QStringLiteral("pull"), QStringLiteral("--on-conflict"),
                  QStringLiteral("skip")})
                 .code,
             0);
    cli({QStringLiteral("cloud"), QStringLiteral("diff")});

    // A second profile on the Prefect 1 API of the same server pulls everything.
    QCOMPARE(cli({QStringLiteral("--profile"), QStringLiteral("team"), QStringLiteral("cloud"),
                  QStringLiteral("login"), QStringLiteral("--backend"), QStringLiteral("prefect1"),
                  QStringLiteral("--api-url"), m_server.prefect1Url().toString()},
                 m_markers.at(50))
                 .code,
             0);
    const CliRun pulled =
        cli({QStringLiteral("--profile"), QStringLiteral("team"), QStringLiteral("cloud"),
             QStringLiteral("pull"), QStringLiteral("--names"), QStringLiteral("TEAM_TOKEN")});
    QVERIFY2(pulled.code == 0, pulled.err.constData());
    m_expected.insert(QStringLiteral("team/TEAM_TOKEN"), m_markers.at(60));
    m_expected.insert(QStringLiteral("default/TEAM_TOKEN"), m_markers.at(60));
    QVERIFY(m_server.requestCount() > 0);
}

void TestLeakScan::guiAddEditRevealAndExport()
{
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *add = window.findChild<QAction *>(QStringLiteral("addAction"));
    QVERIFY(add);
    for (int i = 61; i < 71; ++i) {
        add->trigger();
        SecretEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"))));
        const QString name = QStringLiteral("GUI_%1").arg(i);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), name);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit")),
                         QString::fromLatin1(m_markers.at(i)));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<SecretEditorDialog *>(QStringLiteral("secretEditor")));
        m_expected.insert(QStringLiteral("default/") + name, m_markers.at(i));
    }
    // Edit: the old value is replaced, the new one planted.
    auto *table = window.findChild<QTableView *>(QStringLiteral("secretTable"));
    for (int i = 71; i < 76; ++i) {
        const QString name = QStringLiteral("GUI_%1").arg(i - 10);
        QTRY_VERIFY(!table->model()
                         ->match(table->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly)
                         .isEmpty());
        table->setCurrentIndex(
            table->model()
                ->match(table->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly)
                .constFirst());
        window.findChild<QAction *>(QStringLiteral("editAction"))->trigger();
        SecretEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"))));
        auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
        QTRY_VERIFY(value->isEnabled() && !value->text().isEmpty());
        value->clear();
        QTest::keyClicks(value, QString::fromLatin1(m_markers.at(i)));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<SecretEditorDialog *>(QStringLiteral("secretEditor")));
        m_expected.insert(QStringLiteral("default/") + name, m_markers.at(i));
    }
    // Reveal reads values into widgets; they are memory, not files.
    window.findChild<QAction *>(QStringLiteral("revealAction"))->trigger();
    QTest::qWait(200);
    // Copy value puts it on the clipboard (memory, never a file); lock takes it off again.
    const QString copied = QStringLiteral("GUI_66");
    table->setCurrentIndex(
        table->model()
            ->match(table->model()->index(0, 0), Qt::DisplayRole, copied, 1, Qt::MatchExactly)
            .constFirst());
    window.findChild<QAction *>(QStringLiteral("copyValueAction"))->trigger();
    QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(QString::fromLatin1(m_markers.at(66))));
    window.findChild<QAction *>(QStringLiteral("lockAction"))->trigger();
    QTRY_VERIFY(!QGuiApplication::clipboard()->text().contains(QString::fromLatin1(m_markers.at(66))));

    ExportDialog exportDialog(m_store.get(), ProfileName::defaultProfile(), nullptr);
    exportDialog.load();
    QTRY_VERIFY(exportDialog.isLoaded());
    const QString exported = m_allowed.filePath(QStringLiteral("gui-export.txt"));
    QVERIFY(exportDialog.saveTo(exported).ok());
    QCOMPARE(QFileInfo(exported).permissions() & 0x0077, QFileDevice::Permissions());
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(m_markers.at(66)));
}

void TestLeakScan::everyPlantedValueIsInTheKeychain()
{
    // The scan below proves nothing unless the markers really went in: read each one back.
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        const QString profile = it.key().section(QLatin1Char('/'), 0, 0);
        const QString name = it.key().section(QLatin1Char('/'), 1);
        QVERIFY2(valueOf(name, profile).contains(it.value()), qPrintable(it.key()));
    }
    QVERIFY(m_expected.size() >= 80);
}

void TestLeakScan::noMarkerOutsideTheKeychain()
{
    QStringList problems;
    QByteArray outputs = capturedLog();
    for (const QByteArray &out : std::as_const(m_unrequested))
        outputs += out;
    QVERIFY2(capturedLog().contains("\nsecretdesk."), "debug logging produced no secretdesk.* line to scan");
    for (int i = 0; i < markerCount; ++i) {
        const QByteArray &marker = m_markers.at(i);
        for (const QString &file : m_home->filesContaining(marker))
            problems << QStringLiteral("marker %1 in %2").arg(i).arg(file);
        for (const QByteArray &form : leakForms(marker)) {
            if (outputs.contains(form)) {
                problems << QStringLiteral("marker %1 in a log line or an unrequested output").arg(i);
                break;
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestLeakScan::cleanupTestCase()
{
    qInstallMessageHandler(m_previousHandler);
    m_store.reset();
    m_vault.reset();
}

QTEST_MAIN(TestLeakScan)
#include "tst_leakscan.moc"
