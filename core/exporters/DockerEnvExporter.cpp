#include "core/exporters/DockerEnvExporter.h"

namespace secretdesk {

Status DockerEnvExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("DOCKER"), entry); !common.ok())
        return common;
    if (entry.value.contains('\n'))
        return refusal(QStringLiteral("DOCKER_NEWLINE"), entry,
                       QStringLiteral("docker --env-file reads one line per variable and has no escape for a "
                                      "line break"));
    if (entry.value.contains('\r'))
        return refusal(
            QStringLiteral("DOCKER_CR"), entry,
            QStringLiteral("docker --env-file drops a carriage return at the end of a line and has no "
                           "escape for it"));
    if (entry.name.size() + 1 + entry.value.size() > MaxLineBytes)
        return refusal(QStringLiteral("DOCKER_TOO_LONG"), entry,
                       QStringLiteral("docker --env-file rejects lines longer than 64 KiB"));
    return Status::success();
}

void DockerEnvExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    out += entry.name.toLatin1();
    out += '=';
    out += entry.value;
    out += '\n';
}

} // namespace secretdesk
