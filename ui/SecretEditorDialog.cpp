#include "ui/SecretEditorDialog.h"

#include "core/model/SecureBytes.h"
#include "ui/FindingsList.h"
#include "ui/PrefectPreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace secretdesk {

SecretEditorDialog::SecretEditorDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_valueStack(new QStackedWidget(this))
    , m_stringValue(new QLineEdit(this))
    , m_reveal(new QCheckBox(tr("&Show"), this))
    , m_jsonValue(new QPlainTextEdit(this))
    , m_kind(new QLineEdit(this))
    , m_target(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_findings(new FindingsList(this))
    , m_preview(new PrefectPreview(this))
    , m_template(new QPushButton(tr("Insert &template"), this))
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("New secret"));
    setObjectName(QStringLiteral("secretEditor"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. GITHUB_ACCESS_TOKEN"));
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->addItem(tr("String"), QVariant::fromValue(static_cast<int>(SecretValue::Type::String)));
    m_type->addItem(tr("JSON object"), QVariant::fromValue(static_cast<int>(SecretValue::Type::Json)));
    m_stringValue->setObjectName(QStringLiteral("valueEdit"));
    m_stringValue->setEchoMode(QLineEdit::Password);
    m_reveal->setObjectName(QStringLiteral("revealCheck"));
    m_jsonValue->setObjectName(QStringLiteral("jsonEdit"));
    m_jsonValue->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonValue->setPlaceholderText(
        QStringLiteral("{\"ACCESS_KEY\": \"...\", \"SECRET_ACCESS_KEY\": \"...\"}"));
    m_kind->setObjectName(QStringLiteral("kindEdit"));
    m_kind->setPlaceholderText(tr("default-secret kind, e.g. AWS_CREDENTIALS (optional)"));
    m_target->setObjectName(QStringLiteral("targetCombo"));
    for (ExportTarget t : {ExportTarget::Context, ExportTarget::Plain, ExportTarget::Both})
        m_target->addItem(exportTargetName(t), static_cast<int>(t));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;"));
    m_error->hide();

    auto *stringPage = new QWidget(this);
    auto *stringRow = new QHBoxLayout(stringPage);
    stringRow->setContentsMargins(0, 0, 0, 0);
    stringRow->addWidget(m_stringValue);
    stringRow->addWidget(m_reveal);
    m_valueStack->addWidget(stringPage);
    m_valueStack->addWidget(m_jsonValue);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("T&ype:"), m_type);
    form->addRow(tr("&Value:"), m_valueStack);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("N&ote:"), m_note);
    form->addRow(QString(), m_template);
    form->addRow(tr("Checks:"), m_findings);
    form->addRow(tr("Prefect:"), m_preview);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    // Accessible names for screen readers; the value field never exposes its text.
    m_name->setAccessibleName(tr("Secret name"));
    m_stringValue->setAccessibleName(tr("Secret value"));
    m_jsonValue->setAccessibleName(tr("Secret value as JSON"));

    connect(m_reveal, &QCheckBox::toggled, this,
            [this](bool on) { m_stringValue->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { showValueEditorFor(static_cast<SecretValue::Type>(m_type->currentData().toInt())); });
    m_template->setObjectName(QStringLiteral("templateButton"));
    m_template->setAccessibleDescription(
        tr("Fills the value with the skeleton of the secret's default kind"));
    m_findings->hide();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &SecretEditorDialog::refreshChecks);
    const auto later = [this] {
        m_debounce->start();
    };
    connect(m_name, &QLineEdit::textChanged, this, later);
    connect(m_kind, &QLineEdit::textChanged, this, later);
    connect(m_stringValue, &QLineEdit::textChanged, this, later);
    connect(m_jsonValue, &QPlainTextEdit::textChanged, this, later);
    connect(m_reveal, &QCheckBox::toggled, this, later);
    connect(m_type, &QComboBox::currentIndexChanged, this, later);
    connect(m_findings, &FindingsList::fixRequested, this, &SecretEditorDialog::applyFix);
    connect(m_template, &QPushButton::clicked, this, &SecretEditorDialog::insertTemplate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SecretEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SecretEditorDialog::reject);
    resize(520, 0);
}

SecretEditorDialog::~SecretEditorDialog()
{
    // Best effort: do not leave the typed value in the widgets' buffers longer than needed.
    m_stringValue->clear();
    m_jsonValue->clear();
}

void SecretEditorDialog::prefill(const QString &kind, SecretValue::Type type, const QByteArray &text)
{
    m_name->setText(kind);
    m_kind->setText(kind);
    m_type->setCurrentIndex(type == SecretValue::Type::Json ? 1 : 0);
    setCurrentText(text);
}

QString SecretEditorDialog::effectiveKind() const
{
    const QString typed = m_kind->text().trimmed();
    return typed.isEmpty() ? m_registry.kindForName(m_name->text().trimmed()) : typed;
}

QByteArray SecretEditorDialog::currentText() const
{
    return m_valueStack->currentIndex() == 1 ? m_jsonValue->toPlainText().toUtf8()
                                             : m_stringValue->text().toUtf8();
}

void SecretEditorDialog::setCurrentText(const QByteArray &text)
{
    if (m_valueStack->currentIndex() == 1)
        m_jsonValue->setPlainText(QString::fromUtf8(text));
    else
        m_stringValue->setText(QString::fromUtf8(text));
}

void SecretEditorDialog::refreshChecks()
{
    const QString kind = effectiveKind();
    QByteArray text = currentText();
    m_findings->setFindings(m_registry.hasKind(kind) ? m_registry.validateText(kind, text, m_name->text())
                                                     : Findings());
    const bool json = m_valueStack->currentIndex() == 1;
    const auto value =
        SecretValue::fromStored(json ? SecretValue::Type::Json : SecretValue::Type::String, text);
    wipeBytes(text);
    m_preview->showFor(SecretName::parse(m_name->text().trimmed()) ? m_name->text().trimmed() : QString(),
                       value, json || m_reveal->isChecked());
}

void SecretEditorDialog::applyFix(const Fix &fix)
{
    QByteArray text = currentText();
    setCurrentText(fix.apply(text));
    wipeBytes(text);
    refreshChecks();
}

void SecretEditorDialog::insertTemplate()
{
    const QString kind = effectiveKind();
    for (const KindInfo &info : m_registry.kinds()) {
        if (info.id != kind)
            continue;
        m_type->setCurrentIndex(info.valueType == SecretValue::Type::Json ? 1 : 0);
        if (m_kind->text().isEmpty())
            m_kind->setText(info.id);
        setCurrentText(info.templateDocument);
        return;
    }
    showError(tr(
        "Name the secret after a default secret (e.g. AWS_CREDENTIALS) or set its kind to get a template."));
}

void SecretEditorDialog::showValueEditorFor(SecretValue::Type type)
{
    m_valueStack->setCurrentIndex(type == SecretValue::Type::Json ? 1 : 0);
}

void SecretEditorDialog::editExisting(const SecretRecord &record, const SecretValue &value)
{
    m_editing = true;
    setWindowTitle(tr("Edit %1").arg(record.name.toString()));
    m_name->setText(record.name.toString());
    m_name->setReadOnly(true);
    m_type->setCurrentIndex(record.type == SecretValue::Type::Json ? 1 : 0);
    if (value.isJson())
        m_jsonValue->setPlainText(QString::fromUtf8(value.pretty()));
    else
        m_stringValue->setText(value.toString());
    m_kind->setText(record.kind);
    m_target->setCurrentIndex(m_target->findData(static_cast<int>(record.target)));
    m_note->setText(record.note);
}

Result<SecretChange> SecretEditorDialog::change() const
{
    auto name = SecretName::parse(m_name->text().trimmed());
    if (!name)
        return name.error();
    const auto type = static_cast<SecretValue::Type>(m_type->currentData().toInt());
    QByteArray bytes = type == SecretValue::Type::Json ? m_jsonValue->toPlainText().toUtf8()
                                                       : m_stringValue->text().toUtf8();
    auto value = SecretValue::fromStored(type, bytes);
    wipeBytes(bytes);
    if (!value)
        return value.error();
    SecretChange change{*name, *value};
    change.kind = m_kind->text().trimmed();
    change.note = m_note->text();
    change.target = static_cast<ExportTarget>(m_target->currentData().toInt());
    return change;
}

void SecretEditorDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SecretEditorDialog::accept()
{
    auto result = change();
    if (!result) {
        showError(result.error().toString());
        return;
    }
    showError({});
    Q_EMIT saveRequested(*result);
}

} // namespace secretdesk
