#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace secretdesk {

// Help > Shortcuts: the text and key sequence(s) of every action that has one.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;
};

} // namespace secretdesk
