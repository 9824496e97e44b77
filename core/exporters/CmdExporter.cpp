#include "core/exporters/CmdExporter.h"

namespace secretdesk {

namespace {

const char *const UsePowerShell = "; export to PowerShell instead";

} // namespace

Status CmdExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("CMD"), entry); !common.ok())
        return common;
    if (entry.value.isEmpty())
        return refusal(QStringLiteral("CMD_EMPTY"), entry,
                       QStringLiteral("set \"NAME=\" deletes the variable instead of setting it empty"));
    for (char c : entry.value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r')
            return refusal(QStringLiteral("CMD_NEWLINE"), entry,
                           QStringLiteral("cmd cannot carry a line break in a variable") +
                               QLatin1String(UsePowerShell));
        if (byte >= 0x80)
            return refusal(QStringLiteral("CMD_NON_ASCII"), entry,
                           QStringLiteral("batch files are read in the OEM code page, which would garble "
                                          "non-ASCII text") +
                               QLatin1String(UsePowerShell));
        if ((byte < 0x20 && c != '\t') || byte == 0x7F)
            return refusal(QStringLiteral("CMD_CONTROL"), entry,
                           QStringLiteral("the value holds a control character") +
                               QLatin1String(UsePowerShell));
        if (c == '%' || c == '!' || c == '"')
            return refusal(QStringLiteral("CMD_SPECIAL"), entry,
                           QStringLiteral("cmd cannot carry %, ! or \" reliably (variable expansion, delayed "
                                          "expansion, quoting)") +
                               QLatin1String(UsePowerShell));
    }
    // @set "NAME=value" plus the CRLF
    if (entry.name.size() + entry.value.size() + 8 > MaxLineLength)
        return refusal(QStringLiteral("CMD_TOO_LONG"), entry,
                       QStringLiteral("cmd.exe reads at most 8191 characters per line") +
                           QLatin1String(UsePowerShell));
    return Status::success();
}

void CmdExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    out += "@set \"";
    out += entry.name.toLatin1();
    out += '=';
    out += entry.value;
    out += "\"\r\n";
}

} // namespace secretdesk
