#include "ui/DetailPane.h"

#include "core/model/SecureBytes.h"
#include "ui/SecretTableModel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace secretdesk {

DetailPane::DetailPane(QAction *revealAction, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_value(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
{
    setObjectName(QStringLiteral("detailPane"));
    setAccessibleName(tr("Secret details"));
    setAccessibleDescription(tr("Metadata, validation and the masked value of the selected secret"));
    auto *layout = new QVBoxLayout(this);
    m_title->setObjectName(QStringLiteral("detailName"));
    m_title->setAccessibleName(tr("Selected secret"));
    m_title->setAccessibleDescription(tr("The name of the secret shown below"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    const auto row = [&](const QString &label, const QString &objectName, const QString &description) {
        auto *value = new QLabel(this);
        value->setObjectName(objectName);
        value->setAccessibleName(label);
        value->setAccessibleDescription(description);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label + QLatin1Char(':'), value);
        return value;
    };
    m_kind = row(tr("Kind"), QStringLiteral("detailKind"), tr("The default-secret kind validated against"));
    m_type = row(tr("Type"), QStringLiteral("detailType"), tr("A string or a JSON object"));
    m_target = row(tr("Targets"), QStringLiteral("detailTarget"), tr("Which variables an export sets"));
    m_updated = row(tr("Updated"), QStringLiteral("detailUpdated"), tr("When the value last changed"));
    m_note = row(tr("Note"), QStringLiteral("detailNote"), tr("Your note about this secret"));
    m_validation = row(tr("Validation"), QStringLiteral("detailValidation"),
                       tr("The findings of the last time the value was read"));
    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("detailFindings"));
    m_findings->setAccessibleName(tr("Validation findings"));
    m_findings->setAccessibleDescription(tr("One line per finding: code, message and place"));
    m_findings->setWordWrap(true);
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_findings);

    m_value->setObjectName(QStringLiteral("detailValue"));
    m_value->setReadOnly(true);
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setPlaceholderText(tr("hidden"));
    m_value->setAccessibleName(tr("Selected secret's value"));
    m_value->setAccessibleDescription(tr("Masked; reveal reads it from the keychain"));
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setDefaultAction(revealAction);
    m_reveal->setFocusPolicy(Qt::StrongFocus);
    m_reveal->setAccessibleName(tr("Reveal value"));
    m_reveal->setAccessibleDescription(tr("Shows or hides the value (Ctrl+R)"));
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_reveal);
    layout->addLayout(valueRow);
    layout->addStretch(1);
    showRecord(nullptr, ValidationState::NotChecked);
}

void DetailPane::showRecord(const SecretRecord *record, ValidationState state)
{
    const QString name = record ? record->name.toString() : QString();
    if (name != m_name) {
        clearValue();
        clearFindings();
    }
    m_name = name;
    m_title->setText(record ? name : tr("No secret selected"));
    m_kind->setText(record && !record->kind.isEmpty() ? record->kind : tr("—"));
    m_type->setText(!record                                   ? QString()
                    : record->type == SecretValue::Type::Json ? tr("JSON object")
                                                              : tr("String"));
    m_target->setText(record ? SecretTableModel::targetText(record->target) : QString());
    m_updated->setText(record ? QLocale().toString(record->updated.toLocalTime(), QLocale::ShortFormat)
                              : QString());
    m_note->setText(record ? record->note : QString());
    m_validation->setText(validationStateText(state));
    m_value->setEnabled(record != nullptr);
}

void DetailPane::showValue(const SecretValue &value)
{
    m_value->setEchoMode(QLineEdit::Normal);
    m_value->setPlaceholderText(tr("hidden"));
    m_value->setText(value.toString());
}

void DetailPane::clearValue()
{
    // QLineEdit keeps its own copies (text, undo history); setText on a read-only field leaves no
    // history, and clear() drops the text.
    m_value->clear();
    m_value->setEchoMode(QLineEdit::Password);
}

void DetailPane::showFindings(ValidationState state, const QStringList &findings)
{
    m_validation->setText(validationStateText(state));
    m_findings->setText(findings.join(QLatin1Char('\n')));
}

void DetailPane::clearFindings()
{
    m_validation->setText(validationStateText(ValidationState::NotChecked));
    m_findings->clear();
}

void DetailPane::setLocked(bool locked)
{
    if (locked) {
        clearValue();
        clearFindings();
    }
    m_value->setPlaceholderText(locked ? tr("Locked") : tr("hidden"));
}

} // namespace secretdesk
