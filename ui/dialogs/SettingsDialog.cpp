#include "ui/dialogs/SettingsDialog.h"

#include "ui/AppSettings.h"

namespace secretdesk {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    QDialog::accept();
}

} // namespace secretdesk
