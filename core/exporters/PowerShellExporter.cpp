#include "core/exporters/PowerShellExporter.h"

#include <QStringDecoder>

namespace secretdesk {

namespace {

// The value as UTF-16, keeping a leading U+FEFF (QString::fromUtf8 would drop it as a BOM).
QString decoded(const QByteArray &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

} // namespace

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
    if (entry.value.size() > MaxValueLength && decoded(entry.value).size() > MaxValueLength)
        return refusal(QStringLiteral("POWERSHELL_TOO_LONG"), entry,
                       QStringLiteral("Windows limits an environment variable to 32767 characters"));
    return Status::success();
}

void PowerShellExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    // Pieces joined with +: verbatim runs of printable ASCII, and [char]0xHHHH for each other
    // UTF-16 unit (a surrogate pair concatenates back into its character). A leading '' makes +
    // concatenate strings when the value starts with a [char].
    static const char hex[] = "0123456789ABCDEF";
    out += "$env:";
    out += entry.name.toLatin1();
    out += " = ";
    const QString value = decoded(entry.value);
    out.reserve(out.size() + value.size() + 16);
    bool inRun = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t unit = value.at(i).unicode();
        if (unit >= 0x20 && unit < 0x7F) {
            if (!inRun)
                out += i == 0 ? "'" : " + '";
            inRun = true;
            if (isSingleQuote(unit))
                out += '\'';
            out += char(unit);
            continue;
        }
        if (inRun)
            out += '\'';
        out += i == 0 ? "'' + [char]0x" : " + [char]0x";
        inRun = false;
        for (int shift = 12; shift >= 0; shift -= 4)
            out += hex[(unit >> shift) & 0xF];
    }
    if (inRun)
        out += '\'';
    out += '\n';
}

} // namespace secretdesk
