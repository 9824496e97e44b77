#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace secretdesk {

class AppSettings;

// The GUI's preferences (timings, export defaults, theme). Nothing is written until OK; Cancel
// leaves the settings as they were.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

private:
    AppSettings *m_settings;
};

} // namespace secretdesk
