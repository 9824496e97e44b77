#include "core/exporters/PowerShellExporter.h"

namespace secretdesk {

bool PowerShellExporter::isSingleQuote(char16_t c)
{
    return c == u'\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B;
}

Status PowerShellExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("POWERSHELL"), entry); !common.ok())
        return common;
    if (entry.value.isEmpty())
        return refusal(QStringLiteral("POWERSHELL_EMPTY"), entry,
                       QStringLiteral("assigning an empty string to $env:NAME removes the variable"));
    if (QString::fromUtf8(entry.value).size() > MaxValueLength)
        return refusal(QStringLiteral("POWERSHELL_TOO_LONG"), entry,
                       QStringLiteral("Windows limits an environment variable to 32767 characters"));
    return Status::success();
}

void PowerShellExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    QString quoted;
    const QString value = QString::fromUtf8(entry.value);
    quoted.reserve(value.size() + 2);
    quoted += u'\'';
    for (QChar c : value) {
        if (isSingleQuote(c.unicode()))
            quoted += c;
        quoted += c;
    }
    quoted += u'\'';
    out += "$env:";
    out += entry.name.toLatin1();
    out += " = ";
    out += quoted.toUtf8();
    out += '\n';
}

} // namespace secretdesk
