#include "ui/PrefectPreview.h"

#include "core/prefect/PrefectCodec.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace secretdesk {

PrefectPreview::PrefectPreview(QWidget *parent)
    : QWidget(parent)
    , m_lines(new QPlainTextEdit(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("prefectPreview"));
    m_lines->setObjectName(QStringLiteral("prefectLines"));
    m_lines->setReadOnly(true);
    m_lines->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_lines->setMaximumHeight(80);
    m_lines->setAccessibleName(tr("Lines Prefect needs"));
    m_lines->setAccessibleDescription(
        tr("The environment variable and the config.toml line for this secret, shown once the value is"));
    m_note->setObjectName(QStringLiteral("prefectNote"));
    m_note->setAccessibleDescription(tr("What the Prefect lines guard against"));
    setAccessibleName(tr("Prefect lines"));
    setAccessibleDescription(tr("How Prefect will receive this secret"));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_lines);
    layout->addWidget(m_note);
}

void PrefectPreview::showFor(const QString &name, const Result<SecretValue> &value, bool revealed)
{
    m_lines->clear();
    if (name.isEmpty() || !value) {
        m_note->setText(tr("Enter a valid name and value to see the lines Prefect needs."));
        return;
    }
    if (!revealed) {
        m_note->setText(tr("Show the value to see the exact env and config.toml lines Prefect needs."));
        return;
    }
    const auto env = PrefectCodec::encodeEnv(*value);
    const auto toml = PrefectCodec::encodeToml(*value);
    if (!env || !toml) {
        m_note->setText((!env ? env.error() : toml.error()).toString());
        return;
    }
    m_lines->setPlainText(QStringLiteral("PREFECT__CONTEXT__SECRETS__%1=%2\n[context.secrets] %1 = %3")
                              .arg(name, QString::fromUtf8(*env), QString::fromUtf8(*toml)));
    QStringList notes;
    if (value->isJson())
        notes << tr(
            "Written as a Python dict literal, so Prefect's AWS and GCP helpers get a dict, not a string.");
    else if (!PrefectCodec::contextHoldsValue(*value))
        notes << tr(
            "This text looks like JSON or holds \"${\": Secret.get() returns it exactly, but code reading "
            "prefect.context.secrets directly sees it JSON-quoted.");
    else if (*env != value->utf8())
        notes << tr(
            "Quoted and escaped so Prefect does not expand $VAR or ~, turn numbers or true/false into other "
            "types, or evaluate Python literals.");
    else
        notes << tr("Prefect reads this value as it is: no quoting needed.");
    m_note->setText(notes.join(QLatin1Char(' ')));
}

QString PrefectPreview::envLine() const
{
    return m_lines->toPlainText().section(QLatin1Char('\n'), 0, 0);
}
QString PrefectPreview::tomlLine() const
{
    return m_lines->toPlainText().section(QLatin1Char('\n'), 1, 1);
}

} // namespace secretdesk
