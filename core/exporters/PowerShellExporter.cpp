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
    if (entry.value.size() > MaxValueLength && QString::fromUtf8(entry.value).size() > MaxValueLength)
        return refusal(QStringLiteral("POWERSHELL_TOO_LONG"), entry,
                       QStringLiteral("Windows limits an environment variable to 32767 characters"));
    return Status::success();
}

void PowerShellExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    out += "$env:";
    out += entry.name.toLatin1();
    out += " = '";
    // Works on the UTF-8 bytes: ' is 0x27 and U+2018..U+201B are E2 80 98..9B; each is doubled.
    const char *const data = entry.value.constData();
    const qsizetype size = entry.value.size();
    qsizetype from = 0;
    for (qsizetype i = 0; i < size; ++i) {
        qsizetype quoteLength = 0;
        if (data[i] == '\'')
            quoteLength = 1;
        else if (data[i] == '\xE2' && i + 2 < size && data[i + 1] == '\x80' &&
                 static_cast<unsigned char>(data[i + 2]) >= 0x98 &&
                 static_cast<unsigned char>(data[i + 2]) <= 0x9B)
            quoteLength = 3;
        if (quoteLength == 0)
            continue;
        out.append(data + from, i + quoteLength - from);
        out.append(data + i, quoteLength);
        i += quoteLength - 1;
        from = i + 1;
    }
    out.append(data + from, size - from);
    out += "'\n";
}

} // namespace secretdesk
