#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "ui/Confirmation.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretTableModel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace secretdesk;

// Drives the real window offscreen, against the real keychain, through its widgets.
class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addSecretThroughTheDialog();
    void invalidNameKeepsTheDialogOpen();
    void addJsonSecret();
    void editChangesTheValue();
    void deleteAsksFirst();
    void revealReadsTheKeychainOnlyWhenAsked();
    void changesFromAnotherProcessShowUp();
    void profilesSwitch();
    void droppedKeyFileBecomesANewSecret();

private:
    SecretEditorDialog *openAdd();
    void save(SecretEditorDialog *dialog);
    void select(const QString &name);
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    Result<SecretValue> storedValue(const QString &name,
                                    const ProfileName &profile = ProfileName::defaultProfile());

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestMainWindow::init()
{
    m_home = std::make_unique<test::TempHome>();
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("gui")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_store.reset();
}

SecretEditorDialog *TestMainWindow::openAdd()
{
    action("addAction")->trigger();
    return m_window->findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"));
}

void TestMainWindow::save(SecretEditorDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
}

void TestMainWindow::select(const QString &name)
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("secretTable"));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == name) {
            table->setCurrentIndex(table->model()->index(row, 0));
            return;
        }
    }
    QFAIL("row not found");
}

Result<SecretValue> TestMainWindow::storedValue(const QString &name, const ProfileName &profile)
{
    return test::awaitCallback<Result<SecretValue>>([&](QObject *ctx, auto done) {
               m_store->readValue(profile, *SecretName::parse(name), ctx, done);
           })
        .value_or(Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("T"),
                                    QStringLiteral("no answer")));
}

void TestMainWindow::addSecretThroughTheDialog()
{
    QPointer<SecretEditorDialog> dialog = openAdd();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                     QStringLiteral("GITHUB_ACCESS_TOKEN"));
    auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QTest::keyClicks(value, QStringLiteral("typed value $HOME"));
    save(dialog);
    QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->model()->recordAt(0)->name.toString(), QStringLiteral("GITHUB_ACCESS_TOKEN"));
    QCOMPARE(storedValue(QStringLiteral("GITHUB_ACCESS_TOKEN"))->utf8(), QByteArray("typed value $HOME"));
}

void TestMainWindow::invalidNameKeepsTheDialogOpen()
{
    SecretEditorDialog *dialog = openAdd();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("bad-name"));
    save(dialog);
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("NAME004")));
    QCOMPARE(m_window->model()->rowCount(), 0);
    Confirmation::setNextAnswer(true); // discard the typed name
    dialog->reject();
}

void TestMainWindow::addJsonSecret()
{
    QPointer<SecretEditorDialog> dialog = openAdd();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                     QStringLiteral("AWS_CREDENTIALS"));
    dialog->findChild<QComboBox *>(QStringLiteral("typeCombo"))->setCurrentIndex(1);
    auto *json = dialog->findChild<QPlainTextEdit *>(QStringLiteral("jsonEdit"));
    QVERIFY(json->isVisible());
    json->setPlainText(QStringLiteral("{\n \"ACCESS_KEY\": \"a\",\n \"SECRET_ACCESS_KEY\": \"b\"\n}"));
    save(dialog);
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    const auto stored = storedValue(QStringLiteral("AWS_CREDENTIALS"));
    QVERIFY(stored->isJson());
    QCOMPARE(stored->utf8(), QByteArray(R"({"ACCESS_KEY":"a","SECRET_ACCESS_KEY":"b"})"));
}

void TestMainWindow::editChangesTheValue()
{
    QVERIFY(test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
                m_store->save(ProfileName::defaultProfile(),
                              {*SecretName::parse(QStringLiteral("TOKEN")),
                               SecretValue::fromString(QStringLiteral("before"))},
                              ctx, done);
            })->ok());
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    select(QStringLiteral("TOKEN"));
    action("editAction")->trigger();
    QPointer<SecretEditorDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"))));
    auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    QCOMPARE(value->text(), QStringLiteral("before"));
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->isReadOnly());
    value->setText(QStringLiteral("after"));
    save(dialog);
    QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
    QCOMPARE(storedValue(QStringLiteral("TOKEN"))->utf8(), QByteArray("after"));
}

void TestMainWindow::deleteAsksFirst()
{
    QVERIFY(test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
                m_store->save(ProfileName::defaultProfile(),
                              {*SecretName::parse(QStringLiteral("DOOMED")),
                               SecretValue::fromString(QStringLiteral("v"))},
                              ctx, done);
            })->ok());
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    select(QStringLiteral("DOOMED"));
    Confirmation::setNextAnswer(false);
    action("deleteAction")->trigger();
    QTest::qWait(200);
    QCOMPARE(m_window->model()->rowCount(), 1);
    Confirmation::setNextAnswer(true);
    action("deleteAction")->trigger();
    QTRY_COMPARE(m_window->model()->rowCount(), 0);
    QCOMPARE(storedValue(QStringLiteral("DOOMED")).error().failure, Failure::NotFound);
}

void TestMainWindow::revealReadsTheKeychainOnlyWhenAsked()
{
    QVERIFY(test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
                m_store->save(ProfileName::defaultProfile(),
                              {*SecretName::parse(QStringLiteral("SHOWN")),
                               SecretValue::fromString(QStringLiteral("peek"))},
                              ctx, done);
            })->ok());
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    select(QStringLiteral("SHOWN"));
    auto *detail = m_window->findChild<QLineEdit *>(QStringLiteral("detailValue"));
    QVERIFY(detail->text().isEmpty());
    action("revealAction")->trigger();
    QTRY_COMPARE(detail->text(), QStringLiteral("peek"));
    QCOMPARE(detail->echoMode(), QLineEdit::Normal);
    action("revealAction")->trigger();
    QVERIFY(detail->text().isEmpty());
    QCOMPARE(detail->echoMode(), QLineEdit::Password);
}

void TestMainWindow::changesFromAnotherProcessShowUp()
{
    // A second store over the same catalog file stands in for the CLI.
    SecretStore other(CatalogFile(m_home->catalogPath()), m_vault.get());
    QVERIFY(test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
                other.save(ProfileName::defaultProfile(),
                           {*SecretName::parse(QStringLiteral("FROM_CLI")),
                            SecretValue::fromString(QStringLiteral("x"))},
                           ctx, done);
            })->ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 1, 10000);
    QCOMPARE(m_window->model()->recordAt(0)->name.toString(), QStringLiteral("FROM_CLI"));
}

void TestMainWindow::profilesSwitch()
{
    const ProfileName prod = *ProfileName::parse(QStringLiteral("prod"));
    QVERIFY(test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
                m_store->save(prod,
                              {*SecretName::parse(QStringLiteral("PROD_ONLY")),
                               SecretValue::fromString(QStringLiteral("p"))},
                              ctx, done);
            })->ok());
    QTRY_COMPARE(m_window->findChild<QComboBox *>(QStringLiteral("profileCombo"))->count(), 2);
    QCOMPARE(m_window->model()->rowCount(), 0);
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("prod")));
    Q_EMIT combo->textActivated(QStringLiteral("prod"));
    QCOMPARE(m_window->profile().toString(), QStringLiteral("prod"));
    QCOMPARE(m_window->model()->rowCount(), 1);
}

void TestMainWindow::droppedKeyFileBecomesANewSecret()
{
    const QString path = m_home->path() + QStringLiteral("/key.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"type": "service_account", "project_id": "p", "client_email": "a@p.iam.gserviceaccount.com"})");
    file.close();
    QVERIFY(m_window->acceptDrops());
    m_window->addFromFile(path); // what a drop of the file calls
    auto *dialog = m_window->findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"));
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(),
             QStringLiteral("GCP_CREDENTIALS"));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("typeCombo"))->currentIndex(), 1);
    QVERIFY(dialog->findChild<QPlainTextEdit *>(QStringLiteral("jsonEdit"))
                ->toPlainText()
                .contains(QStringLiteral("service_account")));
    Confirmation::setNextAnswer(true); // discard the prefilled secret
    dialog->reject();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
