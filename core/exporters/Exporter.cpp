#include "core/exporters/Exporter.h"

#include "core/exporters/EnvNameRules.h"

#include <QSet>

namespace secretdesk {

Exporter::~Exporter() = default;

QList<Diagnostic> Exporter::refusals(const QList<ExportEntry> &entries) const
{
    QList<Diagnostic> found;
    QSet<QString> seen;
    for (const ExportEntry &entry : entries) {
        if (seen.contains(entry.name)) {
            found.append(refusal(QStringLiteral("DUPLICATE_NAME"), entry,
                                 QStringLiteral("the name appears more than once in this export")));
            continue;
        }
        seen.insert(entry.name);
        if (Status status = check(entry); !status.ok())
            found.append(status.error());
    }
    return found;
}

Result<QByteArray> Exporter::render(const QList<ExportEntry> &entries) const
{
    const QList<Diagnostic> found = refusals(entries);
    if (!found.isEmpty())
        return found.first();
    return renderChecked(entries);
}

QByteArray Exporter::renderChecked(const QList<ExportEntry> &entries) const
{
    QByteArray out = prologue();
    qsizetype expected = 0;
    for (const ExportEntry &entry : entries)
        expected += entry.name.size() + entry.value.size() + 16;
    out.reserve(out.size() + expected);
    for (const ExportEntry &entry : entries)
        renderEntry(entry, out);
    out += epilogue();
    return out;
}

Diagnostic Exporter::refusal(const QString &what, const ExportEntry &entry, const QString &reason) const
{
    Diagnostic diagnostic =
        Diagnostic::error(Failure::InvalidInput, QStringLiteral("EXPORT_") + what,
                          QStringLiteral("%1: cannot export %2: %3").arg(id(), entry.name, reason));
    diagnostic.location.pointer = QStringLiteral("/") + entry.name;
    return diagnostic;
}

Status Exporter::checkCommon(const QString &target, const ExportEntry &entry) const
{
    if (!EnvNameRules::isPortableName(entry.name))
        return refusal(target + QStringLiteral("_NAME"), entry,
                       QStringLiteral("the name is not a variable name ([A-Za-z_][A-Za-z0-9_]*)"));
    if (entry.value.contains('\0'))
        return refusal(
            target + QStringLiteral("_NUL"), entry,
            QStringLiteral("the value contains a NUL byte, which no environment variable can hold"));
    if (!EnvNameRules::isValidUtf8(entry.value))
        return refusal(target + QStringLiteral("_UTF8"), entry,
                       QStringLiteral("the value is not valid UTF-8"));
    return Status::success();
}

} // namespace secretdesk
