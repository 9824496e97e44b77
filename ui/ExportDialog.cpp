#include "ui/ExportDialog.h"

#include "core/exporters/ExportPlan.h"
#include "core/exporters/ExporterRegistry.h"
#include "core/platform/PrivateFile.h"
#include "core/prefect/ConfigTomlEditor.h"
#include "ui/AppSettings.h"
#include "ui/Clipboard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace secretdesk {

namespace {
const QString PrefectToml = QStringLiteral("prefect-toml");
}

ExportDialog::ExportDialog(SecretStore *store, const ProfileName &profile, Clipboard *clipboard,
                           QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profile(profile)
    , m_clipboard(clipboard)
    , m_target(new QComboBox(this))
    , m_style(new QComboBox(this))
    , m_reveal(new QCheckBox(tr("&Show values"), this))
    , m_preview(new QPlainTextEdit(this))
    , m_refusals(new QListWidget(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export %1").arg(profile.toString()));
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_target->addItems(ExporterRegistry::withBuiltins().ids() << PrefectToml);
    m_target->setAccessibleName(tr("Export target"));
    m_target->setAccessibleDescription(tr("The shell, file format or Prefect config to export to"));
    m_style->setObjectName(QStringLiteral("styleCombo"));
    m_style->addItem(tr("Each secret's target"), QString());
    m_style->addItem(tr("Prefect context (PREFECT__CONTEXT__SECRETS__NAME)"), QStringLiteral("context"));
    m_style->addItem(tr("Plain (NAME)"), QStringLiteral("plain"));
    m_style->setAccessibleName(tr("Variable style"));
    m_style->setAccessibleDescription(tr("Which variable names the secrets get"));
    setAccessibleName(tr("Export"));
    setAccessibleDescription(
        tr("Exports the profile's secrets to a shell, a file format or Prefect's config"));
    m_reveal->setAccessibleName(tr("Show values"));
    m_reveal->setAccessibleDescription(tr("Shows the real values in the preview instead of stars"));
    m_reveal->setObjectName(QStringLiteral("revealCheck"));
    m_preview->setObjectName(QStringLiteral("previewEdit"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setAccessibleName(tr("Export preview"));
    m_preview->setAccessibleDescription(tr("The text the export produces; values masked unless shown"));
    m_refusals->setObjectName(QStringLiteral("refusalList"));
    m_refusals->setAccessibleName(tr("Secrets this target cannot carry"));
    m_refusals->setAccessibleDescription(tr("One line per secret left out, with the reason"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyButton"));
    save->setObjectName(QStringLiteral("saveButton"));
    buttons->setObjectName(QStringLiteral("exportButtons"));
    buttons->setAccessibleName(tr("Dialog buttons"));
    buttons->setAccessibleDescription(tr("Copy the export, save it to a file, or close"));
    copy->setAccessibleDescription(tr("Copies the export; the clipboard is cleared later"));
    save->setAccessibleDescription(tr("Writes the export to a file only you can read"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("St&yle:"), m_style);
    form->addRow(QString(), m_reveal);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_refusals);
    layout->addWidget(buttons);

    // Starts from the defaults chosen in Settings. A fresh AppSettings reads the same QSettings file
    // as the window's, so the constructor stays as the window calls it.
    const AppSettings settings;
    m_target->setCurrentIndex(std::max(0, m_target->findText(settings.exportFormat())));
    const QString style = settings.exportStyle();
    m_style->setCurrentIndex(
        std::max(0, m_style->findData(style == QLatin1String("own") ? QString() : style)));

    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportDialog::render);
    connect(m_style, &QComboBox::currentIndexChanged, this, &ExportDialog::render);
    connect(m_reveal, &QCheckBox::toggled, this, &ExportDialog::render);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [this] {
        QList<Diagnostic> refusals;
        auto text = renderText(false, refusals);
        if (text && refusals.isEmpty())
            m_clipboard->copySecret(QString::fromUtf8(*text));
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save export"));
        if (!path.isEmpty())
            (void)saveTo(path);
    });
    resize(640, 460);
}

ExportDialog::~ExportDialog()
{
    m_preview->clear();
}

void ExportDialog::load()
{
    auto records = m_store->records(m_profile);
    if (!records) {
        m_preview->setPlainText(records.error().toString());
        return;
    }
    loadNext(*records);
}

void ExportDialog::loadNext(QList<SecretRecord> pending)
{
    if (pending.isEmpty()) {
        m_loaded = true;
        render();
        return;
    }
    const SecretRecord record = pending.takeFirst();
    m_store->readValue(m_profile, record.name, this, [this, record, pending](Result<SecretValue> value) {
        if (!value) {
            m_preview->setPlainText(record.name.toString() + QStringLiteral(": ") + value.error().toString());
            return;
        }
        m_items.append({record, *value});
        loadNext(pending);
    });
}

Result<QByteArray> ExportDialog::renderText(bool masked, QList<Diagnostic> &refusals) const
{
    const QString target = m_target->currentText();
    const SecretValue placeholder = SecretValue::fromString(QStringLiteral("********"));
    if (target == PrefectToml) {
        QList<std::pair<SecretName, SecretValue>> secrets;
        for (const Item &item : m_items)
            secrets.append({item.record.name, masked ? placeholder : item.value});
        return ConfigTomlEditor::tableText(secrets);
    }
    const ExporterRegistry registry = ExporterRegistry::withBuiltins();
    const Exporter *exporter = registry.find(target);
    const QString styleName = m_style->currentData().toString();
    QList<ExportEntry> entries;
    for (const Item &item : m_items) {
        QList<ExportStyle> styles;
        if (!styleName.isEmpty())
            styles = {*ExportPlan::styleFromName(styleName)};
        else if (item.record.target == ExportTarget::Both)
            styles = {ExportStyle::Context, ExportStyle::Plain};
        else
            styles = {item.record.target == ExportTarget::Plain ? ExportStyle::Plain : ExportStyle::Context};
        for (ExportStyle style : styles) {
            // Refusals are decided on the real value; only the preview text uses the placeholder.
            auto real = ExportPlan::entryFor(item.record.name, item.value, style, exporter->contextForm());
            if (!real) {
                refusals.append(real.error());
                continue;
            }
            if (const Status ok = exporter->check(*real); !ok) {
                refusals.append(ok.error());
                continue;
            }
            entries.append(
                masked ? *ExportPlan::entryFor(item.record.name, placeholder, style, exporter->contextForm())
                       : *real);
        }
    }
    return exporter->render(entries);
}

void ExportDialog::render()
{
    if (!m_loaded)
        return;
    QList<Diagnostic> refusals;
    const auto text = renderText(!m_reveal->isChecked(), refusals);
    m_preview->setPlainText(text ? QString::fromUtf8(*text) : text.error().toString());
    m_refusals->clear();
    for (const Diagnostic &refusal : refusals)
        m_refusals->addItem(refusal.toString());
    m_refusals->setVisible(!refusals.isEmpty());
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

QStringList ExportDialog::refusalTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_refusals->count(); ++i)
        texts << m_refusals->item(i)->text();
    return texts;
}

Status ExportDialog::saveTo(const QString &path) const
{
    QList<Diagnostic> refusals;
    auto text = renderText(false, refusals);
    if (!refusals.isEmpty())
        return refusals.constFirst();
    if (!text)
        return text.error();
    return writePrivateFile(path, *text);
}

} // namespace secretdesk
