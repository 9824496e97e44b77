#include "core/store/SecretStore.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretTableModel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLockFile>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

// Two secretdesk-cli processes and a MainWindow (in this process) write the same profile at once:
// no update is lost, the catalog stays whole, and a writer that cannot get the lock in time fails
// clearly (the CLI with exit status 1, the GUI with an error in the still-open editor).
class TestConcurrency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twoClisAndTheGuiLoseNoUpdate();
    void aWriterThatCannotLockFailsClearly();

private:
    QStringList cliEnvironment(const QStringList &extra = {}) const;
    SecretEditorDialog *openAdd(const QString &name, const QString &value);
    QByteArray stored(const QString &name);

    std::unique_ptr<test::TempHome> m_home;
    QString m_service;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

// One CLI writer: runs its sets one after another, each as a new secretdesk-cli process.
class CliWriter : public QObject {
public:
    CliWriter(QStringList environment, QList<QPair<QString, QByteArray>> sets)
        : m_environment(std::move(environment))
        , m_sets(std::move(sets))
    {
        next();
    }
    bool done() const { return m_sets.isEmpty() && !m_process; }
    QStringList failures;
    QList<QPair<QString, QByteArray>> finished; // in the order they completed

private:
    void next()
    {
        if (m_sets.isEmpty())
            return;
        m_process = new QProcess(this);
        m_process->setEnvironment(m_environment);
        const auto set = m_sets.first();
        connect(m_process, &QProcess::finished, this, [this, set](int code, QProcess::ExitStatus status) {
            if (code != 0 || status != QProcess::NormalExit)
                failures << set.first + QStringLiteral(": ") +
                                QString::fromUtf8(m_process->readAllStandardError());
            else
                finished << set;
            m_process->deleteLater();
            m_process = nullptr;
            m_sets.removeFirst();
            next();
        });
        m_process->start(
            QStringLiteral(SECRETDESK_CLI_PATH),
            {QStringLiteral("set"), set.first, QStringLiteral("--stdin"), QStringLiteral("--raw")});
        m_process->write(set.second);
        m_process->closeWriteChannel();
    }
    QStringList m_environment;
    QList<QPair<QString, QByteArray>> m_sets;
    QProcess *m_process = nullptr;
};

void TestConcurrency::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestConcurrency::init()
{
    m_home = std::make_unique<test::TempHome>();
    m_service = test::uniqueKeychainService(QStringLiteral("concurrency"));
    m_vault = std::make_unique<KeychainVault>(m_service);
    CatalogFile catalog(m_home->catalogPath());
    catalog.setLockTimeout(std::chrono::milliseconds(400));
    m_store = std::make_unique<SecretStore>(catalog, m_vault.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConcurrency::cleanup()
{
    m_window.reset();
    m_store.reset();
}

QStringList TestConcurrency::cliEnvironment(const QStringList &extra) const
{
    return m_home->environment(QProcess::systemEnvironment())
           << QStringLiteral("SECRETDESK_KEYCHAIN_SERVICE=") + m_service << extra;
}

SecretEditorDialog *TestConcurrency::openAdd(const QString &name, const QString &value)
{
    m_window->findChild<QAction *>(QStringLiteral("addAction"))->trigger();
    auto *dialog = m_window->findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"));
    if (!dialog)
        return nullptr;
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), name);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit")), value);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    return dialog;
}

QByteArray TestConcurrency::stored(const QString &name)
{
    const auto value = test::awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
        m_vault->read(SecretStore::keychainKey(ProfileName::defaultProfile(), *SecretName::parse(name)), ctx,
                      done);
    });
    return value && value->ok() ? value->value() : QByteArray("<none>");
}

void TestConcurrency::twoClisAndTheGuiLoseNoUpdate()
{
    // Generous lock timeouts here: this test is about waiting, not failing.
    const QStringList env = cliEnvironment({QStringLiteral("SECRETDESK_LOCK_TIMEOUT_MS=60000")});
    const CatalogFile patient = [&] {
        CatalogFile f(m_home->catalogPath());
        f.setLockTimeout(std::chrono::seconds(60));
        return f;
    }();
    m_window.reset();
    m_store = std::make_unique<SecretStore>(patient, m_vault.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();

    const auto randomValue = [](const char *prefix) {
        return QByteArray(prefix) + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    };
    QList<QPair<QString, QByteArray>> a, b;
    QSet<QByteArray> sharedValues;
    for (int i = 0; i < 8; ++i) {
        a << qMakePair(QStringLiteral("CLI_A_%1").arg(i), randomValue("a-"));
        b << qMakePair(QStringLiteral("CLI_B_%1").arg(i), randomValue("b-"));
        if (i % 3 == 0) {
            a << qMakePair(QStringLiteral("SHARED"), randomValue("sa-"));
            b << qMakePair(QStringLiteral("SHARED"), randomValue("sb-"));
            sharedValues << a.last().second << b.last().second;
        }
    }
    CliWriter writerA(env, a), writerB(env, b);

    // Meanwhile the GUI adds its own secrets (and SHARED once) through the editor.
    QMap<QString, QByteArray> gui;
    for (int i = 0; i < 5; ++i) {
        const QString name = i == 2 ? QStringLiteral("SHARED") : QStringLiteral("GUI_%1").arg(i);
        const QByteArray value = randomValue("g-");
        QPointer<SecretEditorDialog> dialog = openAdd(name, QString::fromLatin1(value));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), 60000);
        if (name == QLatin1String("SHARED"))
            sharedValues << value;
        else
            gui.insert(name, value);
    }
    QTRY_VERIFY_WITH_TIMEOUT(writerA.done() && writerB.done(), 120000);
    QVERIFY2(writerA.failures.isEmpty(), qPrintable(writerA.failures.join(QLatin1Char('\n'))));
    QVERIFY2(writerB.failures.isEmpty(), qPrintable(writerB.failures.join(QLatin1Char('\n'))));

    auto catalog = CatalogFile(m_home->catalogPath()).load();
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().toString()));
    QVERIFY(catalog->pending().isEmpty());
    for (const auto &[name, value] : a + b) {
        if (name == QLatin1String("SHARED"))
            continue;
        QVERIFY2(catalog->find(ProfileName::defaultProfile(), *SecretName::parse(name)), qPrintable(name));
        QCOMPARE(stored(name), value);
    }
    for (auto it = gui.cbegin(); it != gui.cend(); ++it) {
        QVERIFY2(catalog->find(ProfileName::defaultProfile(), *SecretName::parse(it.key())),
                 qPrintable(it.key()));
        QCOMPARE(stored(it.key()), it.value());
    }
    QVERIFY(catalog->find(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("SHARED"))));
    QVERIFY2(sharedValues.contains(stored(QStringLiteral("SHARED"))), "SHARED holds a value nobody wrote");
    QCOMPARE(catalog->records(ProfileName::defaultProfile()).size(), 8 + 8 + 4 + 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 21, 10000);
}

void TestConcurrency::aWriterThatCannotLockFailsClearly()
{
    QVERIFY(QDir().mkpath(m_home->dataHome() + QStringLiteral("/secretdesk")));
    QLockFile held(m_home->catalogPath() + QStringLiteral(".lock"));
    QVERIFY(held.tryLock(0));

    QElapsedTimer timer;
    timer.start();
    QProcess cli;
    cli.setEnvironment(cliEnvironment({QStringLiteral("SECRETDESK_LOCK_TIMEOUT_MS=300")}));
    cli.start(QStringLiteral(SECRETDESK_CLI_PATH),
              {QStringLiteral("set"), QStringLiteral("BLOCKED"), QStringLiteral("--stdin")});
    cli.write("blocked-value");
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(cli.readAllStandardError().contains("another Secretdesk process is changing the catalog"),
             "no clear message");
    QVERIFY2(timer.elapsed() < 10000, "the CLI did not give up after its lock timeout");
    QCOMPARE(stored(QStringLiteral("BLOCKED")), QByteArray("<none>"));

    // The GUI keeps the editor open with the error, so the typed edit is not lost.
    QPointer<SecretEditorDialog> dialog = openAdd(QStringLiteral("GUI_EDIT"), QStringLiteral("typed"));
    QVERIFY(dialog);
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY(error->text().contains(QStringLiteral("another Secretdesk process")));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), QStringLiteral("GUI_EDIT"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"))->text(), QStringLiteral("typed"));

    // Once the other writer is done, the same edit saves.
    held.unlock();
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), 10000);
    QCOMPARE(stored(QStringLiteral("GUI_EDIT")), QByteArray("typed"));
    QVERIFY(!CatalogFile(m_home->catalogPath())
                 .load()
                 ->find(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("BLOCKED"))));
}

QTEST_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
