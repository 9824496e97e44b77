#include "ui/dialogs/SettingsDialog.h"

#include "core/exporters/ExporterRegistry.h"
#include "ui/AccessibleText.h"
#include "ui/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace secretdesk {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_clipboardSeconds(new QSpinBox(this))
    , m_lockMinutes(new QSpinBox(this))
    , m_exportFormat(new QComboBox(this))
    , m_exportStyle(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    setAccessibleDescription(tr("Timings, export defaults and theme of Secretdesk"));

    m_clipboardSeconds->setRange(AppSettings::minClipboardSeconds, AppSettings::maxClipboardSeconds);
    m_clipboardSeconds->setSuffix(tr(" s"));
    described(m_clipboardSeconds, "clipboardSecondsSpin", tr("Clear clipboard after (seconds)"),
              tr("A copied value is removed from the clipboard after this many seconds"));
    m_lockMinutes->setRange(0, AppSettings::maxLockMinutes);
    m_lockMinutes->setSuffix(tr(" min"));
    m_lockMinutes->setSpecialValueText(tr("Never"));
    described(m_lockMinutes, "lockMinutesSpin", tr("Lock when idle after (minutes)"),
              tr("Values are dropped from memory after this many idle minutes; 0 never locks"));
    m_exportFormat->addItems(ExporterRegistry::withBuiltins().ids());
    described(m_exportFormat, "exportFormatCombo", tr("Default export format"),
              tr("The target the export dialog starts with"));
    m_exportStyle->addItem(tr("Each secret's target"), QStringLiteral("own"));
    m_exportStyle->addItem(tr("Prefect context (PREFECT__CONTEXT__SECRETS__NAME)"),
                           QStringLiteral("context"));
    m_exportStyle->addItem(tr("Plain (NAME)"), QStringLiteral("plain"));
    described(m_exportStyle, "exportStyleCombo", tr("Default variable style"),
              tr("The variable names the export dialog starts with"));
    for (auto theme : {AppSettings::Theme::System, AppSettings::Theme::Light, AppSettings::Theme::Dark}) {
        const QString label = theme == AppSettings::Theme::System
                                  ? tr("Follow the system")
                                  : (theme == AppSettings::Theme::Light ? tr("Light") : tr("Dark"));
        m_theme->addItem(label, static_cast<int>(theme));
    }
    described(m_theme, "themeCombo", tr("Theme"),
              tr("The colours of the window: the system's, light or dark"));

    auto *form = new QFormLayout;
    form->addRow(tr("Clear &clipboard after:"), m_clipboardSeconds);
    form->addRow(tr("&Lock when idle after:"), m_lockMinutes);
    form->addRow(tr("Default export &format:"), m_exportFormat);
    form->addRow(tr("Default variable st&yle:"), m_exportStyle);
    form->addRow(tr("T&heme:"), m_theme);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    described(buttons, "settingsButtons", tr("Dialog buttons"),
              tr("Save the settings or leave them unchanged"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleDescription(tr("Saves the settings"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleDescription(tr("Closes without saving"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    setTabOrder(m_clipboardSeconds, m_lockMinutes);
    setTabOrder(m_lockMinutes, m_exportFormat);
    setTabOrder(m_exportFormat, m_exportStyle);
    setTabOrder(m_exportStyle, m_theme);
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    m_clipboardSeconds->setValue(m_settings->clipboardSeconds());
    m_lockMinutes->setValue(m_settings->lockMinutes());
    const int format = m_exportFormat->findText(m_settings->exportFormat());
    m_exportFormat->setCurrentIndex(format >= 0 ? format : 0);
    m_exportStyle->setCurrentIndex(std::max(0, m_exportStyle->findData(m_settings->exportStyle())));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(static_cast<int>(m_settings->theme()))));
}

void SettingsDialog::accept()
{
    m_settings->setClipboardSeconds(m_clipboardSeconds->value());
    m_settings->setLockMinutes(m_lockMinutes->value());
    m_settings->setExportFormat(m_exportFormat->currentText());
    m_settings->setExportStyle(m_exportStyle->currentData().toString());
    m_settings->setTheme(static_cast<AppSettings::Theme>(m_theme->currentData().toInt()));
    QDialog::accept();
}

} // namespace secretdesk
