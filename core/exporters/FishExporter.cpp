#include "core/exporters/FishExporter.h"

#include "core/exporters/EnvNameRules.h"

namespace secretdesk {

Status FishExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("FISH"), entry); !common.ok())
        return common;
    if (EnvNameRules::isFishReserved(entry.name))
        return refusal(QStringLiteral("FISH_NAME_RESERVED"), entry,
                       QStringLiteral("fish manages this variable itself"));
    return Status::success();
}

void FishExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    out += "set -gx ";
    out += entry.name.toLatin1();
    out += " '";
    for (char c : entry.value) {
        if (c == '\\' || c == '\'')
            out += '\\';
        out += c;
    }
    out += "'\n";
}

} // namespace secretdesk
