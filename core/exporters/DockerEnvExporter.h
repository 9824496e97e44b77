#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `NAME=value` lines for `docker run --env-file`. Docker reads each line raw: no quoting, no
// escapes, quotes kept as part of the value. So a value must fit on one line: line feeds and
// carriage returns (dropped at a line's end) are refused, and so are lines longer than the 64 KiB
// docker's line scanner accepts.
class DockerEnvExporter : public Exporter {
public:
    // bufio.Scanner's default maximum token size, which docker's env-file reader keeps.
    static constexpr qsizetype MaxLineBytes = 64 * 1024 - 1;

    QString id() const override { return QStringLiteral("docker-env"); }
    QString displayName() const override { return QStringLiteral("docker run --env-file"); }
    Status check(const ExportEntry &entry) const override;

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;
};

} // namespace secretdesk
