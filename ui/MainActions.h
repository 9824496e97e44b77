#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QMenuBar;
class QToolBar;

namespace secretdesk {

// Every command of the main window as a QAction with its text, shortcut, accessible description
// and objectName, plus the menu bar (File, Edit, View, Help) and the tool bar built from them.
// The window connects triggered() to its work; tests find the actions by objectName.
class MainActions : public QObject {
    Q_OBJECT
public:
    explicit MainActions(QMainWindow *window);

    QAction *add;          // addAction        Ctrl+N
    QAction *edit;         // editAction       F2, Return
    QAction *remove;       // deleteAction     Delete
    QAction *reveal;       // revealAction     Ctrl+R (checkable)
    QAction *exportAction; // exportAction     Ctrl+Shift+E
    QAction *import;       // importAction     Ctrl+I
    QAction *sync;         // syncAction       Ctrl+Shift+S
    QAction *copyValue;    // copyValueAction  Ctrl+C
    QAction *copyName;     // copyNameAction   Ctrl+Shift+C
    QAction *copyEnvLine;  // copyEnvLineAction Ctrl+Shift+L
    QAction *find;         // findAction       Ctrl+F
    QAction *lock;         // lockAction       Ctrl+L
    QAction *settings;     // settingsAction   Ctrl+, (and the platform's Preferences key)
    QAction *shortcuts;    // shortcutsAction  Ctrl+?, F1
    QAction *refresh;      // refreshAction    F5
    QAction *newProfile;   // newProfileAction
    QAction *quit;         // quitAction       Ctrl+Q

    // Every action above, in menu order (what the shortcuts dialog lists).
    QList<QAction *> all() const;
    // Actions that need a selected secret.
    QList<QAction *> selectionActions() const;

    void fillMenuBar(QMenuBar *bar) const;
    void fillToolBar(QToolBar *bar) const;

private:
    QAction *make(const QString &objectName, const QString &text, const QString &description,
                  const QList<QKeySequence> &keys);

    QMainWindow *m_window;
};

} // namespace secretdesk
