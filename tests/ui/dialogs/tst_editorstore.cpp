#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "ui/Confirmation.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretTableModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>

using namespace secretdesk;

// The editor opened from the real window over the real keychain: edits reach the store only on
// Save; Cancel (after confirming) leaves the stored value and the catalog as they were.
class TestEditorStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cancelLeavesTheStoreUnchanged_data();
    void cancelLeavesTheStoreUnchanged();
    void saveWritesTheEdit();

private:
    SecretEditorDialog *openEditorFor(const QString &name);
    Result<SecretValue> stored(const QString &name);
    static QString generated()
    {
        return QStringLiteral("v-%1").arg(QRandomGenerator::global()->generate(), 0, 36);
    }

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    QString m_original;
};

void TestEditorStore::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    m_home = std::make_unique<test::TempHome>();
    qputenv("XDG_CONFIG_HOME", m_home->configHome().toUtf8());
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("editorstore")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestEditorStore::cleanupTestCase()
{
    m_window.reset();
    m_store.reset();
}

void TestEditorStore::init()
{
    m_original = generated();
    SecretChange change{*SecretName::parse(QStringLiteral("API_TOKEN")), SecretValue::fromString(m_original)};
    change.note = QStringLiteral("original note");
    const auto saved = test::awaitCallback<Result<SecretRecord>>(
        [&](QObject *ctx, auto done) { m_store->save(ProfileName::defaultProfile(), change, ctx, done); });
    QVERIFY(saved && saved->ok());
    QTRY_VERIFY(m_window->model()->rowOf(QStringLiteral("API_TOKEN")) >= 0);
}

Result<SecretValue> TestEditorStore::stored(const QString &name)
{
    return test::awaitCallback<Result<SecretValue>>([&](QObject *ctx, auto done) {
               m_store->readValue(ProfileName::defaultProfile(), *SecretName::parse(name), ctx, done);
           })
        .value_or(Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("T"),
                                    QStringLiteral("no answer")));
}

SecretEditorDialog *TestEditorStore::openEditorFor(const QString &name)
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("secretTable"));
    for (int row = 0; table != nullptr && row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == name)
            table->setCurrentIndex(table->model()->index(row, 0));
    }
    m_window->findChild<QAction *>(QStringLiteral("editAction"))->trigger();
    SecretEditorDialog *dialog = nullptr;
    const bool opened = QTest::qWaitFor([&] {
        dialog = m_window->findChild<SecretEditorDialog *>(QStringLiteral("secretEditor"));
        return dialog != nullptr && dialog->isVisible();
    });
    return opened ? dialog : nullptr;
}

void TestEditorStore::cancelLeavesTheStoreUnchanged_data()
{
    QTest::addColumn<bool>("escape");
    QTest::newRow("cancel button") << false;
    QTest::newRow("escape key") << true;
}

void TestEditorStore::cancelLeavesTheStoreUnchanged()
{
    QFETCH(bool, escape);
    QPointer<SecretEditorDialog> dialog = openEditorFor(QStringLiteral("API_TOKEN"));
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"))->setText(generated());
    dialog->findChild<QLineEdit *>(QStringLiteral("noteEdit"))->setText(QStringLiteral("changed note"));
    Confirmation::setNextAnswer(true); // yes, discard
    if (escape)
        QTest::keyClick(dialog.data(), Qt::Key_Escape);
    else
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    const auto value = stored(QStringLiteral("API_TOKEN"));
    QVERIFY(value.ok());
    QVERIFY(*value == SecretValue::fromString(m_original));
    const auto record =
        m_store->record(ProfileName::defaultProfile(), *SecretName::parse(QStringLiteral("API_TOKEN")));
    QVERIFY(record.ok());
    QCOMPARE(record->note, QStringLiteral("original note"));
}

void TestEditorStore::saveWritesTheEdit()
{
    QPointer<SecretEditorDialog> dialog = openEditorFor(QStringLiteral("API_TOKEN"));
    QVERIFY(dialog);
    const QString edited = generated();
    dialog->findChild<QLineEdit *>(QStringLiteral("valueEdit"))->setText(edited);
    // Nothing is written while the dialog is open.
    QVERIFY(*stored(QStringLiteral("API_TOKEN")) == SecretValue::fromString(m_original));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QVERIFY(*stored(QStringLiteral("API_TOKEN")) == SecretValue::fromString(edited));
}

QTEST_MAIN(TestEditorStore)
#include "tst_editorstore.moc"
