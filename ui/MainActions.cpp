#include "ui/MainActions.h"

#include <QAction>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace secretdesk {

namespace {

// A standard key plus the explicit one the product documents, without duplicates.
QList<QKeySequence> standardPlus(QKeySequence::StandardKey standard, const QList<QKeySequence> &extra)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
    for (const QKeySequence &key : extra) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

} // namespace

MainActions::MainActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    add = make(QStringLiteral("addAction"), tr("&New secret…"), tr("Add a secret to this profile"),
               standardPlus(QKeySequence::New, {QKeySequence(Qt::CTRL | Qt::Key_N)}));
    edit = make(QStringLiteral("editAction"), tr("&Edit…"), tr("Edit the selected secret"),
                {QKeySequence(Qt::Key_F2), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    remove = make(QStringLiteral("deleteAction"), tr("&Delete"),
                  tr("Delete the selected secret and its keychain value"),
                  standardPlus(QKeySequence::Delete, {QKeySequence(Qt::Key_Delete)}));
    reveal = make(QStringLiteral("revealAction"), tr("&Reveal value"),
                  tr("Show or hide the selected secret's value"), {QKeySequence(Qt::CTRL | Qt::Key_R)});
    reveal->setCheckable(true);
    exportAction = make(QStringLiteral("exportAction"), tr("E&xport…"),
                        tr("Export this profile's secrets for a shell, a .env file or CI"),
                        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    import = make(QStringLiteral("importAction"), tr("&Import…"),
                  tr("Import secrets from the environment, a .env file or a config.toml"),
                  {QKeySequence(Qt::CTRL | Qt::Key_I)});
    sync = make(QStringLiteral("syncAction"), tr("S&ync with Prefect Cloud…"),
                tr("Compare and sync this profile with a Prefect server"),
                {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    copyValue = make(QStringLiteral("copyValueAction"), tr("&Copy value"),
                     tr("Copy the selected secret's value; the clipboard is cleared after a while"),
                     standardPlus(QKeySequence::Copy, {QKeySequence(Qt::CTRL | Qt::Key_C)}));
    copyName = make(QStringLiteral("copyNameAction"), tr("Copy &name"), tr("Copy the selected secret's name"),
                    {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    copyEnvLine =
        make(QStringLiteral("copyEnvLineAction"), tr("Copy env &line"),
             tr("Copy NAME='value' for a shell or .env file; the clipboard is cleared after a while"),
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)});
    find = make(QStringLiteral("findAction"), tr("&Find…"), tr("Search names, kinds and notes"),
                standardPlus(QKeySequence::Find, {QKeySequence(Qt::CTRL | Qt::Key_F)}));
    lock =
        make(QStringLiteral("lockAction"), tr("&Lock"),
             tr("Forget every value read so far and mask everything"), {QKeySequence(Qt::CTRL | Qt::Key_L)});
    settings = make(QStringLiteral("settingsAction"), tr("&Settings…"),
                    tr("Clipboard and lock timeouts, export defaults, theme"),
                    standardPlus(QKeySequence::Preferences, {QKeySequence(Qt::CTRL | Qt::Key_Comma)}));
    settings->setMenuRole(QAction::PreferencesRole);
    shortcuts = make(QStringLiteral("shortcutsAction"), tr("&Keyboard shortcuts"), tr("List every shortcut"),
                     {QKeySequence(Qt::CTRL | Qt::Key_Question), QKeySequence(Qt::Key_F1)});
    refresh = make(QStringLiteral("refreshAction"), tr("Re&fresh"), tr("Read the catalog again"),
                   standardPlus(QKeySequence::Refresh, {QKeySequence(Qt::Key_F5)}));
    newProfile = make(QStringLiteral("newProfileAction"), tr("New &profile…"),
                      tr("Start a new profile, e.g. dev or prod"), {});
    quit = make(QStringLiteral("quitAction"), tr("&Quit"), tr("Quit Secretdesk; a copied value is cleared"),
                standardPlus(QKeySequence::Quit, {QKeySequence(Qt::CTRL | Qt::Key_Q)}));
    quit->setMenuRole(QAction::QuitRole);
}

QAction *MainActions::make(const QString &objectName, const QString &text, const QString &description,
                           const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, m_window);
    action->setObjectName(objectName);
    action->setStatusTip(description);
    action->setToolTip(keys.isEmpty() ? description
                                      : tr("%1 (%2)").arg(description, keys.constFirst().toString(
                                                                           QKeySequence::NativeText)));
    action->setShortcuts(keys);
    // The window owns the shortcuts, so they work wherever the focus is in it.
    action->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(action);
    return action;
}

QList<QAction *> MainActions::all() const
{
    return {add,      import,      exportAction, sync, newProfile, quit,    edit, remove,   copyValue,
            copyName, copyEnvLine, reveal,       find, settings,   refresh, lock, shortcuts};
}

QList<QAction *> MainActions::selectionActions() const
{
    return {edit, remove, reveal, copyValue, copyName, copyEnvLine};
}

void MainActions::fillMenuBar(QMenuBar *bar) const
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->setAccessibleName(tr("File"));
    file->setAccessibleDescription(tr("New secrets and profiles, import, export, sync, quit"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({add, newProfile});
    file->addSeparator();
    file->addActions({import, exportAction, sync});
    file->addSeparator();
    file->addAction(quit);
    QMenu *editMenu = bar->addMenu(tr("&Edit"));
    editMenu->setAccessibleName(tr("Edit"));
    editMenu->setAccessibleDescription(tr("Edit, delete and copy the selected secret; find; settings"));
    editMenu->setObjectName(QStringLiteral("editMenu"));
    editMenu->addActions({edit, remove});
    editMenu->addSeparator();
    editMenu->addActions({copyValue, copyName, copyEnvLine});
    editMenu->addSeparator();
    editMenu->addActions({find, settings});
    QMenu *view = bar->addMenu(tr("&View"));
    view->setAccessibleName(tr("View"));
    view->setAccessibleDescription(tr("Reveal, refresh and lock"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({reveal, refresh, lock});
    QMenu *help = bar->addMenu(tr("&Help"));
    help->setAccessibleName(tr("Help"));
    help->setAccessibleDescription(tr("Keyboard shortcuts"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(shortcuts);
}

void MainActions::fillToolBar(QToolBar *bar) const
{
    bar->addActions({add, edit, remove});
    bar->addSeparator();
    bar->addActions({copyValue, copyEnvLine});
    bar->addSeparator();
    bar->addActions({import, exportAction, sync});
    bar->addSeparator();
    bar->addAction(lock);
}

} // namespace secretdesk
