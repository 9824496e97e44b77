#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `@set "NAME=value"` lines (CRLF) for cmd.exe batch files. The quotes around the assignment keep
// & | < > ^ ( ) literal; the @ keeps the line (and the value) from being echoed. cmd has no safe
// way to carry % (expanded; %% works only in batch files), ! (eaten under delayed expansion), ",
// line breaks, other control characters, or non-ASCII text (batch files are read in the OEM code
// page), nor an empty value (`set "NAME="` deletes the variable): those are refused, and
// PowerShell is the target to use instead.
class CmdExporter : public Exporter {
public:
    // cmd.exe reads at most 8191 characters per line.
    static constexpr qsizetype MaxLineLength = 8191;

    QString id() const override { return QStringLiteral("cmd"); }
    QString displayName() const override { return QStringLiteral("Windows cmd.exe"); }
    Status check(const ExportEntry &entry) const override;

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;
};

} // namespace secretdesk
