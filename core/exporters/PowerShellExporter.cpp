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
    // concatenate strings even when the value starts with a [char].
    QList<QByteArray> pieces;
    const QString value = decoded(entry.value);
    bool inRun = false;
    for (QChar c : value) {
        const char16_t unit = c.unicode();
        if (unit >= 0x20 && unit < 0x7F) {
            if (!inRun)
                pieces.append(QByteArrayLiteral("'"));
            inRun = true;
            if (isSingleQuote(unit))
                pieces.last() += '\'';
            pieces.last() += char(unit);
            continue;
        }
        if (inRun)
            pieces.last() += '\'';
        inRun = false;
        pieces.append("[char]0x" + QByteArray::number(unit, 16).toUpper().rightJustified(4, '0'));
    }
    if (inRun)
        pieces.last() += '\'';
    if (pieces.isEmpty() || !pieces.first().startsWith('\''))
        pieces.prepend(QByteArrayLiteral("''"));
    out += "$env:";
    out += entry.name.toLatin1();
    out += " = ";
    out += pieces.join(" + ");
    out += '\n';
}

} // namespace secretdesk
