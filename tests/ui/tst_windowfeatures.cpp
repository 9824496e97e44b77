#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "ui/Clipboard.h"
#include "ui/Confirmation.h"
#include "ui/EmptyState.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/SecretFilter.h"
#include "ui/SecretTableModel.h"
#include "ui/StatusProgress.h"
#include "ui/ValueReader.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace secretdesk;

// The window's search, empty state, clipboard, lock and shortcuts, driven through its widgets
// against the real keychain (scripts/with-keyring).
class TestWindowFeatures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateShownOnlyWithoutSecrets();
    void searchFiltersAsYouType();
    void copyValueCountsDownAndClearsOnlyOurs();
    void copyNameHasNoCountdown();
    void copyEnvLineUsesTheTarget();
    void lockDropsEveryRevealedValue();
    void revealAfterLockReadsTheStoreAgain();
    void readingAValueSetsItsValidationState();
    void progressShowsARealBar();
    void emptyStateImportPicksTheSource();
    void everyNamedWidgetIsAccessible();
    void shortcutsTriggerTheirActions_data();
    void shortcutsTriggerTheirActions();

private:
    void put(const QString &name, const QString &value, ExportTarget target = ExportTarget::Context,
             const QString &kind = {});
    void select(const QString &name);
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    QStringList visibleNames() const;
    // Every text a widget or the model shows, to look for a value that should be gone.
    QStringList everyShownText() const;
    void closeDialogs();

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

// Generated at test time: never a real-looking credential.
QString sampleValue(const char *tag)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(tag)).arg(QDateTime::currentMSecsSinceEpoch(), 0, 36);
}

} // namespace

void TestWindowFeatures::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // AppSettings must not touch the user's settings
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestWindowFeatures::init()
{
    m_home = std::make_unique<test::TempHome>();
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("window")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
}

void TestWindowFeatures::cleanup()
{
    closeDialogs();
    m_window.reset();
    m_store.reset();
}

void TestWindowFeatures::closeDialogs()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(widget); dialog && dialog->isVisible())
            dialog->done(QDialog::Rejected);
    }
}

void TestWindowFeatures::put(const QString &name, const QString &value, ExportTarget target,
                             const QString &kind)
{
    SecretChange change{*SecretName::parse(name), SecretValue::fromString(value)};
    change.target = target;
    if (!kind.isEmpty())
        change.kind = kind;
    const auto saved = test::awaitCallback<Result<SecretRecord>>(
        [&](QObject *ctx, auto done) { m_store->save(ProfileName::defaultProfile(), change, ctx, done); });
    QVERIFY(saved && saved->ok());
}

void TestWindowFeatures::select(const QString &name)
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("secretTable"));
    QTRY_VERIFY(m_window->model()->rowOf(name) >= 0);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == name) {
            table->setCurrentIndex(table->model()->index(row, 0));
            return;
        }
    }
    QFAIL("row not found");
}

QStringList TestWindowFeatures::visibleNames() const
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("secretTable"));
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names.append(table->model()->index(row, 0).data().toString());
    return names;
}

QStringList TestWindowFeatures::everyShownText() const
{
    QStringList texts;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        QList<QWidget *> widgets = top->findChildren<QWidget *>();
        widgets.append(top);
        for (QWidget *widget : widgets) {
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                texts << edit->text() << edit->displayText();
            else if (auto *label = qobject_cast<QLabel *>(widget))
                texts << label->text();
            else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
                texts << plain->toPlainText();
            texts << widget->toolTip() << widget->accessibleName() << widget->accessibleDescription();
        }
    }
    const SecretTableModel *model = m_window->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                             int(SecretTableModel::SortRole)})
                texts << model->index(row, column).data(role).toString();
        }
    }
    return texts;
}

void TestWindowFeatures::emptyStateShownOnlyWithoutSecrets()
{
    auto *empty = m_window->findChild<EmptyState *>(QStringLiteral("emptyState"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("secretTable"));
    QVERIFY(empty->isVisible());
    QVERIFY(!table->isVisible());
    QVERIFY(
        empty->findChild<QLabel *>(QStringLiteral("emptyDropHint"))->text().contains(QStringLiteral("drop")));
    QVERIFY(empty->addButton()->isEnabled());
    put(QStringLiteral("FIRST"), sampleValue("first"));
    QTRY_VERIFY(table->isVisible());
    QVERIFY(!empty->isVisible());
    // A search that matches nothing is not an empty profile.
    QTest::keyClicks(m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("zzz"));
    QVERIFY(table->isVisible());
    m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->clear();
    // Deleting the last secret brings the explanation back.
    select(QStringLiteral("FIRST"));
    Confirmation::setNextAnswer(true);
    action(QStringLiteral("deleteAction"))->trigger();
    QTRY_VERIFY(empty->isVisible());
    // Its Add button opens the editor.
    QTest::mouseClick(empty->addButton(), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QDialog *>(QStringLiteral("secretEditor")));
}

void TestWindowFeatures::searchFiltersAsYouType()
{
    put(QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("{}"), ExportTarget::Context);
    put(QStringLiteral("GITHUB_ACCESS_TOKEN"), sampleValue("gh"), ExportTarget::Plain);
    put(QStringLiteral("SLACK_WEBHOOK_URL"), sampleValue("slack"), ExportTarget::Both);
    QTRY_COMPARE(visibleNames().size(), 3);
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("g"));
    QCOMPARE(visibleNames(),
             (QStringList{QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("GITHUB_ACCESS_TOKEN")}));
    QTest::keyClicks(search, QStringLiteral("it"));
    QCOMPARE(visibleNames(), QStringList{QStringLiteral("GITHUB_ACCESS_TOKEN")});
    search->clear();
    QTest::keyClicks(search, QStringLiteral("target:plain"));
    QCOMPARE(visibleNames(),
             (QStringList{QStringLiteral("GITHUB_ACCESS_TOKEN"), QStringLiteral("SLACK_WEBHOOK_URL")}));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("-slack"));
    QCOMPARE(visibleNames().size(), 2);
    search->clear();
    QCOMPARE(visibleNames().size(), 3);
    // Ctrl+F comes back to the search box from the table.
    m_window->findChild<QTableView *>(QStringLiteral("secretTable"))->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
}

void TestWindowFeatures::copyValueCountsDownAndClearsOnlyOurs()
{
    const QString value = sampleValue("copied");
    put(QStringLiteral("TOKEN"), value);
    select(QStringLiteral("TOKEN"));
    auto *countdown = m_window->findChild<QLabel *>(QStringLiteral("clipboardCountdown"));
    QVERIFY(!countdown->isVisible());
    action(QStringLiteral("copyValueAction"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), value);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    QVERIFY(countdown->isVisible());
    const int seconds = m_window->clipboard()->timeoutSeconds();
    QCOMPARE(seconds, 20); // AppSettings' default
    QVERIFY(countdown->text().contains(QString::number(seconds)));
    m_window->clipboard()->tick();
    QVERIFY(countdown->text().contains(QString::number(seconds - 1)));
    for (int i = 1; i < seconds; ++i)
        m_window->clipboard()->tick();
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!countdown->isVisible());

    // Copied again, then replaced by another application: the timeout leaves that text alone.
    action(QStringLiteral("copyValueAction"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), value);
    QGuiApplication::clipboard()->setText(QStringLiteral("another app's text"));
    for (int i = 0; i < seconds; ++i)
        m_window->clipboard()->tick();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("another app's text"));
}

void TestWindowFeatures::copyNameHasNoCountdown()
{
    put(QStringLiteral("NAMED"), sampleValue("named"));
    select(QStringLiteral("NAMED"));
    const int reads = m_window->valueReader()->readCount();
    action(QStringLiteral("copyNameAction"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("NAMED"));
    QCOMPARE(m_window->clipboard()->remainingSeconds(), 0);
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("clipboardCountdown"))->isVisible());
    QCOMPARE(m_window->valueReader()->readCount(), reads); // a name needs no keychain read
}

void TestWindowFeatures::copyEnvLineUsesTheTarget()
{
    put(QStringLiteral("CTX"), QStringLiteral("it's"), ExportTarget::Context);
    put(QStringLiteral("PLAIN_ONE"), QStringLiteral("v"), ExportTarget::Plain);
    select(QStringLiteral("CTX"));
    action(QStringLiteral("copyEnvLineAction"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("PREFECT__CONTEXT__SECRETS__CTX='it'\\''s'"));
    QVERIFY(m_window->clipboard()->remainingSeconds() > 0);
    select(QStringLiteral("PLAIN_ONE"));
    action(QStringLiteral("copyEnvLineAction"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("PLAIN_ONE='v'"));
}

void TestWindowFeatures::lockDropsEveryRevealedValue()
{
    const QString value = sampleValue("revealed");
    put(QStringLiteral("GITHUB_ACCESS_TOKEN"), value, ExportTarget::Context,
        QStringLiteral("GITHUB_ACCESS_TOKEN"));
    select(QStringLiteral("GITHUB_ACCESS_TOKEN"));
    action(QStringLiteral("revealAction"))->trigger();
    auto *detail = m_window->findChild<QLineEdit *>(QStringLiteral("detailValue"));
    QTRY_COMPARE(detail->text(), value);
    action(QStringLiteral("copyValueAction"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), value);
    const int row = m_window->model()->rowOf(QStringLiteral("GITHUB_ACCESS_TOKEN"));
    QVERIFY(m_window->model()->validationState(QStringLiteral("GITHUB_ACCESS_TOKEN")) !=
            ValidationState::NotChecked);
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("detailFindings"))->text().isEmpty() ||
            m_window->model()->validationState(QStringLiteral("GITHUB_ACCESS_TOKEN")) ==
                ValidationState::Valid);
    // An editor holding the value is open too.
    action(QStringLiteral("editAction"))->trigger();
    QTRY_VERIFY(m_window->findChild<QDialog *>(QStringLiteral("secretEditor")) &&
                m_window->findChild<QDialog *>(QStringLiteral("secretEditor"))->isVisible());
    QVERIFY(everyShownText().join(QLatin1Char('\n')).contains(value));

    // Ctrl+L works from the open editor too.
    QTest::keyClick(m_window->findChild<QDialog *>(QStringLiteral("secretEditor")), Qt::Key_L,
                    Qt::ControlModifier);
    QVERIFY(m_window->isLocked());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
    QCOMPARE(detail->placeholderText(), QStringLiteral("Locked"));
    // The editor goes at the next turn of the event loop (the lock may come from its own shortcut).
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("secretEditor")));
    for (const QString &text : everyShownText())
        QVERIFY2(!text.contains(value), "a revealed value survived the lock");
    QVERIFY(!action(QStringLiteral("revealAction"))->isChecked());
    QCOMPARE(m_window->model()->validationState(QStringLiteral("GITHUB_ACCESS_TOKEN")),
             ValidationState::NotChecked);
    QCOMPARE(m_window->model()->index(row, SecretTableModel::ValidationColumn).data().toString(),
             QStringLiteral("not checked"));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("detailFindings"))->text().isEmpty());
}

void TestWindowFeatures::revealAfterLockReadsTheStoreAgain()
{
    put(QStringLiteral("ROTATED"), QStringLiteral("first value"));
    select(QStringLiteral("ROTATED"));
    auto *detail = m_window->findChild<QLineEdit *>(QStringLiteral("detailValue"));
    action(QStringLiteral("revealAction"))->trigger();
    QTRY_COMPARE(detail->text(), QStringLiteral("first value"));
    action(QStringLiteral("lockAction"))->trigger();
    QVERIFY(detail->text().isEmpty());
    // The value changes behind the window's back (the CLI): only a fresh read can show it.
    put(QStringLiteral("ROTATED"), QStringLiteral("second value"));
    select(QStringLiteral("ROTATED"));
    const int reads = m_window->valueReader()->readCount();
    action(QStringLiteral("revealAction"))->trigger();
    QTRY_COMPARE(detail->text(), QStringLiteral("second value"));
    QCOMPARE(m_window->valueReader()->readCount(), reads + 1);
    QVERIFY(!m_window->isLocked());
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
}

void TestWindowFeatures::readingAValueSetsItsValidationState()
{
    // A GitHub token kind with a value that is no token: the read finds errors.
    put(QStringLiteral("GITHUB_ACCESS_TOKEN"), QStringLiteral("not a token"), ExportTarget::Context,
        QStringLiteral("GITHUB_ACCESS_TOKEN"));
    select(QStringLiteral("GITHUB_ACCESS_TOKEN"));
    QCOMPARE(m_window->model()->validationState(QStringLiteral("GITHUB_ACCESS_TOKEN")),
             ValidationState::NotChecked);
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("invalid"));
    QCOMPARE(visibleNames(), QStringList());
    search->clear();
    select(QStringLiteral("GITHUB_ACCESS_TOKEN"));
    action(QStringLiteral("revealAction"))->trigger();
    QTRY_COMPARE(m_window->model()->validationState(QStringLiteral("GITHUB_ACCESS_TOKEN")),
                 ValidationState::Errors);
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("detailFindings"))->text().isEmpty());
    QTest::keyClicks(search, QStringLiteral("invalid"));
    QCOMPARE(visibleNames(), QStringList{QStringLiteral("GITHUB_ACCESS_TOKEN")});
}

void TestWindowFeatures::progressShowsARealBar()
{
    StatusProgress *progress = m_window->statusProgress();
    QVERIFY(!progress->isVisible());
    progress->begin(QStringLiteral("Importing"));
    progress->progress(3, 10);
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->bar()->maximum(), 10);
    QCOMPARE(progress->bar()->value(), 3);
    progress->progress(10, 10);
    QVERIFY(!progress->isVisible());
}

void TestWindowFeatures::emptyStateImportPicksTheSource()
{
    auto *empty = m_window->findChild<EmptyState *>(QStringLiteral("emptyState"));
    QVERIFY(empty->importConfigButton()->isEnabled());
    QTest::mouseClick(empty->importConfigButton(), Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QStringLiteral("importDialog"))));
    auto *source = dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    QVERIFY(source);
    QVERIFY(source->currentText().contains(QStringLiteral("config.toml")));
    dialog->done(QDialog::Rejected);
}

void TestWindowFeatures::everyNamedWidgetIsAccessible()
{
    put(QStringLiteral("SHOWN"), sampleValue("shown"));
    select(QStringLiteral("SHOWN"));
    // Walk the accessibility tree: every widget given an objectName (Qt's own parts have none or qt_*)
    // carries an accessible name and description.
    QStringList missing;
    int checked = 0;
    std::function<void(QAccessibleInterface *, int)> walk = [&](QAccessibleInterface *node, int depth) {
        if (!node || depth > 40)
            return;
        auto *widget = qobject_cast<QWidget *>(node->object());
        if (widget && !widget->objectName().isEmpty() &&
            !widget->objectName().startsWith(QLatin1String("qt_"))) {
            ++checked;
            if (node->text(QAccessible::Name).isEmpty() || node->text(QAccessible::Description).isEmpty())
                missing.append(widget->objectName());
        }
        for (int i = 0; i < node->childCount(); ++i)
            walk(node->child(i), depth + 1);
    };
    walk(QAccessible::queryAccessibleInterface(m_window.get()), 0);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    QVERIFY(checked >= 10);
    // The empty state's widgets, shown on another page, too.
    for (QWidget *widget : m_window->findChild<EmptyState *>()->findChildren<QWidget *>()) {
        if (!widget->objectName().isEmpty())
            QVERIFY2(!widget->accessibleName().isEmpty() && !widget->accessibleDescription().isEmpty(),
                     qPrintable(widget->objectName()));
    }
}

void TestWindowFeatures::shortcutsTriggerTheirActions_data()
{
    QTest::addColumn<QString>("actionName");
    QTest::addColumn<QKeySequence>("keys");
    QTest::newRow("new") << QStringLiteral("addAction") << QKeySequence(Qt::CTRL | Qt::Key_N);
    QTest::newRow("find") << QStringLiteral("findAction") << QKeySequence(Qt::CTRL | Qt::Key_F);
    QTest::newRow("copy value") << QStringLiteral("copyValueAction") << QKeySequence(Qt::CTRL | Qt::Key_C);
    QTest::newRow("copy name") << QStringLiteral("copyNameAction")
                               << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    QTest::newRow("copy env line") << QStringLiteral("copyEnvLineAction")
                                   << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L);
    QTest::newRow("edit F2") << QStringLiteral("editAction") << QKeySequence(Qt::Key_F2);
    QTest::newRow("edit Return") << QStringLiteral("editAction") << QKeySequence(Qt::Key_Return);
    QTest::newRow("delete") << QStringLiteral("deleteAction") << QKeySequence(Qt::Key_Delete);
    QTest::newRow("reveal") << QStringLiteral("revealAction") << QKeySequence(Qt::CTRL | Qt::Key_R);
    QTest::newRow("export") << QStringLiteral("exportAction")
                            << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    QTest::newRow("sync") << QStringLiteral("syncAction") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    QTest::newRow("lock") << QStringLiteral("lockAction") << QKeySequence(Qt::CTRL | Qt::Key_L);
    QTest::newRow("settings") << QStringLiteral("settingsAction") << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    QTest::newRow("shortcuts F1") << QStringLiteral("shortcutsAction") << QKeySequence(Qt::Key_F1);
    QTest::newRow("shortcuts Ctrl+?")
        << QStringLiteral("shortcutsAction") << QKeySequence(Qt::CTRL | Qt::Key_Question);
    QTest::newRow("refresh") << QStringLiteral("refreshAction") << QKeySequence(Qt::Key_F5);
    QTest::newRow("import") << QStringLiteral("importAction") << QKeySequence(Qt::CTRL | Qt::Key_I);
}

void TestWindowFeatures::shortcutsTriggerTheirActions()
{
    QFETCH(QString, actionName);
    QFETCH(QKeySequence, keys);
    put(QStringLiteral("SELECTED"), sampleValue("selected"));
    select(QStringLiteral("SELECTED"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("secretTable"));
    table->setFocus();
    QAction *target = action(actionName);
    QVERIFY(target);
    QVERIFY(target->shortcuts().contains(keys));
    QSignalSpy triggered(target, &QAction::triggered);
    Confirmation::setNextAnswer(false);
    QTest::keySequence(m_window.get(), keys);
    QCOMPARE(triggered.count(), 1);
    // Each action's shortcut is unique: no other action claims the same keys.
    for (QAction *other : m_window->findChildren<QAction *>()) {
        if (other != target && !other->shortcuts().isEmpty())
            QVERIFY2(!other->shortcuts().contains(keys), qPrintable(other->objectName()));
    }
    closeDialogs();
}

QTEST_MAIN(TestWindowFeatures)
#include "tst_windowfeatures.moc"
