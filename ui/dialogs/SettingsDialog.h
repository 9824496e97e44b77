#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace secretdesk {

class AppSettings;

// The GUI's preferences: clipboard and lock timeouts, export defaults and theme. The fields start
// from the settings; OK writes them all, Cancel (or Escape, or closing) writes nothing.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

private:
    void load();

    AppSettings *m_settings;
    QSpinBox *m_clipboardSeconds;
    QSpinBox *m_lockMinutes;
    QComboBox *m_exportFormat;
    QComboBox *m_exportStyle;
    QComboBox *m_theme;
};

} // namespace secretdesk
