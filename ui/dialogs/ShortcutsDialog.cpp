#include "ui/dialogs/ShortcutsDialog.h"

#include <QAction>

namespace secretdesk {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    Q_UNUSED(actions);
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
}

ShortcutsDialog::~ShortcutsDialog() = default;

} // namespace secretdesk
