#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "ui/AppSettings.h"
#include "ui/Clipboard.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/ShortcutsDialog.h"
#if __has_include("ui/import/ImportDialog.h")
#include "ui/import/ImportDialog.h"
#define SECRETDESK_HAS_IMPORT_DIALOG 1
#endif
#if __has_include("ui/sync/SyncDialog.h")
#include "ui/sync/SyncDialog.h"
#define SECRETDESK_HAS_SYNC_DIALOG 1
#endif

#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QScrollBar>
#include <QTest>

#include <functional>
#include <memory>

using namespace secretdesk;

// Walks the accessibility tree of every window and dialog offscreen, as a screen reader would see
// it: each control a user can reach or operate needs a name, and every widget a name or a
// description that says what it is. A failure lists each offender by objectName and class.
class TestAccessibility : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyWidgetIsNamed_data();
    void everyWidgetIsNamed();

private:
    std::unique_ptr<QWidget> build(const QString &which);

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    Clipboard m_clipboard;
    AppSettings *m_settings = nullptr;
};

namespace {

bool isInteractive(const QAccessibleInterface *iface)
{
    if (iface->state().focusable)
        return true;
    switch (iface->role()) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::PageTabList:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
        return true;
    default:
        return false;
    }
}

// Parts Qt builds inside a composite widget (scroll bars and viewports of scroll areas, a combo
// box's popup list): the composite's own name covers them. Separators and size grips are decoration.
bool isQtInternal(const QAccessibleInterface *iface, const QWidget *widget)
{
    const QAccessibleInterface *parent = iface->parent();
    const bool inComboBox = parent != nullptr && qobject_cast<const QComboBox *>(parent->object()) != nullptr;
    return inComboBox || widget->objectName().startsWith(QLatin1String("qt_")) ||
           qobject_cast<const QScrollBar *>(widget) || widget->inherits("QToolBarSeparator") ||
           iface->role() == QAccessible::Separator || iface->role() == QAccessible::Grip;
}

void walk(QAccessibleInterface *iface, QStringList &offences, int depth = 0)
{
    if (iface == nullptr || !iface->isValid() || depth > 64)
        return;
    auto *widget = qobject_cast<QWidget *>(iface->object());
    if (widget == nullptr)
        return; // cells and items of views: named by their data, not by the code
    if (isQtInternal(iface, widget))
        return;
    {
        const QString name = iface->text(QAccessible::Name).trimmed();
        const QString description = iface->text(QAccessible::Description).trimmed();
        QString who = QStringLiteral("%1 (%2)").arg(
            widget->objectName().isEmpty() ? QStringLiteral("<no objectName>") : widget->objectName(),
            QString::fromLatin1(widget->metaObject()->className()));
        if (widget->objectName().isEmpty() && widget->parentWidget() != nullptr)
            who += QStringLiteral(" in ") + widget->parentWidget()->objectName();
        if (isInteractive(iface) && name.isEmpty())
            offences << who + QStringLiteral(": interactive without an accessible name");
        else if (name.isEmpty() && description.isEmpty())
            offences << who + QStringLiteral(": neither a name nor a description");
    }
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), offences, depth + 1);
}

} // namespace

void TestAccessibility::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    m_home = std::make_unique<test::TempHome>();
    // The window's settings and catalog go to the temporary home, never the user's.
    qputenv("HOME", m_home->path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home->configHome().toUtf8());
    qputenv("XDG_DATA_HOME", m_home->dataHome().toUtf8());
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("accessibility")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_settings = m_window->settings();
    QAccessible::setActive(true);
}

void TestAccessibility::cleanupTestCase()
{
    m_window.reset();
    m_store.reset();
}

std::unique_ptr<QWidget> TestAccessibility::build(const QString &which)
{
    const ProfileName profile = ProfileName::defaultProfile();
    if (which == QLatin1String("editor"))
        return std::make_unique<SecretEditorDialog>();
    if (which == QLatin1String("export"))
        return std::make_unique<ExportDialog>(m_store.get(), profile, &m_clipboard);
    if (which == QLatin1String("settings"))
        return std::make_unique<SettingsDialog>(m_settings);
    if (which == QLatin1String("shortcuts"))
        return std::make_unique<ShortcutsDialog>(m_window->findChildren<QAction *>());
#ifdef SECRETDESK_HAS_IMPORT_DIALOG
    if (which == QLatin1String("import"))
        return std::make_unique<ImportDialog>(m_store.get(), profile);
#endif
#ifdef SECRETDESK_HAS_SYNC_DIALOG
    if (which == QLatin1String("sync"))
        return std::make_unique<SyncDialog>(m_store.get(), profile);
#endif
    return nullptr;
}

void TestAccessibility::everyWidgetIsNamed_data()
{
    QTest::addColumn<QString>("which");
    for (const char *which : {"main window", "editor", "export", "settings", "shortcuts", "import", "sync"})
        QTest::newRow(which) << QString::fromLatin1(which);
}

void TestAccessibility::everyWidgetIsNamed()
{
    QFETCH(QString, which);
    std::unique_ptr<QWidget> owned;
    QWidget *widget = m_window.get();
    if (which != QLatin1String("main window")) {
        owned = build(which);
        if (!owned)
            QSKIP(qPrintable(which + QStringLiteral(" is not in this tree yet")));
        widget = owned.get();
    }
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QAccessibleInterface *root = QAccessible::queryAccessibleInterface(widget);
    QVERIFY(root);
    QStringList offences;
    walk(root, offences);
    widget->hide();
    QVERIFY2(offences.isEmpty(), qPrintable(QStringLiteral("\n  ") + offences.join(QStringLiteral("\n  "))));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
