#include "ui/SecretEditorDialog.h"

#include "core/model/SecureBytes.h"
#include "ui/Confirmation.h"
#include "ui/FindingsList.h"
#include "ui/PrefectPreview.h"
#include "ui/dialogs/FindingMarks.h"
#include "ui/dialogs/JsonHighlighter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextCursor>
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
    , m_compact(new QCheckBox(tr("Co&mpact layout"), this))
    , m_highlighter(new JsonHighlighter(m_jsonValue->document(), palette()))
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
    m_jsonValue->setTabChangesFocus(true);
    m_jsonValue->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_compact->setObjectName(QStringLiteral("compactCheck"));
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
    auto *jsonPage = new QWidget(this);
    auto *jsonColumn = new QVBoxLayout(jsonPage);
    jsonColumn->setContentsMargins(0, 0, 0, 0);
    jsonColumn->addWidget(m_jsonValue);
    jsonColumn->addWidget(m_compact);
    m_valueStack->addWidget(stringPage);
    m_valueStack->addWidget(jsonPage);
    stringPage->setObjectName(QStringLiteral("stringValuePage"));
    jsonPage->setObjectName(QStringLiteral("jsonValuePage"));
    m_valueStack->setObjectName(QStringLiteral("valueStack"));

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
    const auto describe = [](QWidget *widget, const QString &name, const QString &description) {
        widget->setAccessibleName(name);
        widget->setAccessibleDescription(description);
    };
    describe(this, tr("Secret editor"), tr("Adds or changes one secret; nothing is stored until Save"));
    describe(m_name, tr("Secret name"), tr("Letters, digits and underscores; the name Prefect looks up"));
    describe(m_type, tr("Value type"), tr("A plain string, or a JSON object for structured credentials"));
    describe(m_valueStack, tr("Value"), tr("The editor for the value of the chosen type"));
    describe(stringPage, tr("String value"), tr("The value and a switch that shows it"));
    describe(jsonPage, tr("JSON value"), tr("The JSON object and its layout switch"));
    describe(m_stringValue, tr("Secret value"), tr("Hidden while typing unless Show is checked"));
    describe(m_reveal, tr("Show value"), tr("Shows the value and the exact Prefect lines"));
    describe(m_jsonValue, tr("Secret value as JSON"),
             tr("A JSON object; problems are listed under Checks as you type"));
    describe(m_compact, tr("Compact layout"),
             tr("Puts the JSON on one line, or indents it again; member order and values stay"));
    describe(m_kind, tr("Secret kind"), tr("The default secret it is checked against, e.g. AWS_CREDENTIALS"));
    describe(m_target, tr("Export target"), tr("Which variable names an export gives this secret"));
    describe(m_note, tr("Note"), tr("Free text kept in the catalog, never a value"));
    // The label's own text is its accessible name, so a screen reader reads the message itself.
    m_error->setAccessibleDescription(tr("Why the secret could not be saved"));
    describe(m_buttons, tr("Dialog buttons"), tr("Save the secret or cancel the changes"));
    m_buttons->setObjectName(QStringLiteral("editorButtons"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Save)
        ->setAccessibleDescription(tr("Stores the secret in the keychain"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setAccessibleDescription(tr("Closes without storing anything"));
    connect(m_compact, &QCheckBox::clicked, this, [this](bool compact) {
        if (!setCompactJson(compact)) {
            const QSignalBlocker block(m_compact);
            m_compact->setChecked(!compact);
        }
    });

    connect(m_reveal, &QCheckBox::toggled, this,
            [this](bool on) { m_stringValue->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { showValueEditorFor(static_cast<SecretValue::Type>(m_type->currentData().toInt())); });
    m_template->setObjectName(QStringLiteral("templateButton"));
    describe(m_template, tr("Insert template"),
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
    const QList<QWidget *> tabOrder{m_name, m_type,   m_stringValue, m_reveal,   m_jsonValue, m_compact,
                                    m_kind, m_target, m_note,        m_template, m_findings,  m_preview};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i - 1), tabOrder.at(i));
    resize(520, 0);
    m_openedWith = fingerprint();
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
    QList<Diagnostic> marks;
    for (const Finding &finding : m_findings->findings())
        marks << finding.diagnostic;
    if (json && !value)
        marks << value.error(); // a JSON syntax error, where the parser stopped
    markJson(json ? marks : QList<Diagnostic>());
}

void SecretEditorDialog::markJson(const QList<Diagnostic> &diagnostics)
{
    m_jsonValue->setExtraSelections(FindingMarks::underlines(m_jsonValue->document(), diagnostics));
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
    m_compact->setChecked(false);
    m_openedWith = fingerprint();
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

QByteArray SecretEditorDialog::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto field = [&hash](const QByteArray &bytes) {
        hash.addData(QByteArray::number(bytes.size()));
        hash.addData(QByteArrayView(":"));
        hash.addData(bytes);
    };
    const bool json = m_valueStack->currentIndex() == 1;
    QByteArray text = currentText();
    if (json) {
        // Compared by content: re-laying out the same object is not an edit.
        if (auto value = SecretValue::fromJson(text))
            field(value->utf8());
        else
            field(text);
    } else {
        field(text);
    }
    wipeBytes(text);
    field(m_name->text().toUtf8());
    field(QByteArray::number(m_type->currentIndex()));
    field(m_kind->text().toUtf8());
    field(QByteArray::number(m_target->currentIndex()));
    field(m_note->text().toUtf8());
    return hash.result();
}

bool SecretEditorDialog::hasUnsavedChanges() const
{
    return fingerprint() != m_openedWith;
}

void SecretEditorDialog::replaceJsonText(const QByteArray &text)
{
    // Through a cursor rather than setPlainText(), so that Undo can take the new layout back.
    QTextCursor cursor(m_jsonValue->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(text));
}

bool SecretEditorDialog::setCompactJson(bool compact)
{
    QByteArray text = m_jsonValue->toPlainText().toUtf8();
    const auto value = SecretValue::fromJson(text);
    wipeBytes(text);
    if (!value) {
        showError(tr("The layout can change once the value is a valid JSON object: %1")
                      .arg(value.error().toString()));
        return false;
    }
    showError({});
    QByteArray laidOut = compact ? value->utf8() : value->pretty();
    replaceJsonText(laidOut);
    wipeBytes(laidOut);
    if (m_compact->isChecked() != compact) {
        const QSignalBlocker block(m_compact);
        m_compact->setChecked(compact);
    }
    return true;
}

void SecretEditorDialog::reject()
{
    if (hasUnsavedChanges() &&
        !Confirmation::ask(this, tr("Discard changes"),
                           tr("Discard the changes to this secret? Nothing of them has been stored.")))
        return;
    QDialog::reject();
}

void SecretEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
    QDialog::changeEvent(event);
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
