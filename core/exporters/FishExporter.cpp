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
    const char *const data = entry.value.constData();
    qsizetype from = 0;
    for (qsizetype i = 0; i < entry.value.size(); ++i) {
        if (data[i] == '\\' || data[i] == '\'') {
            out.append(data + from, i - from);
            out += '\\';
            from = i;
        }
    }
    out.append(data + from, entry.value.size() - from);
    out += "'\n";
}

} // namespace secretdesk
