#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `NAME=…` lines that python-dotenv, the npm dotenv package (17) and `node --env-file` (20) all
// read as the same bytes (docs/export-targets.md has the evidence). Per value it picks the first
// quoting all three agree on: '…' (npm and node unescape nothing there; python unescapes only a
// doubled backslash and an escaped quote), then "…" (no value escapes that python would decode), then bare
// (one line, no #, no quote at the start, no surrounding spaces). A value no quoting carries is refused, and
// the reason names the reader that would disagree.
class DotenvExporter : public Exporter {
public:
    enum class Quoting { Single, Double, Bare };

    QString id() const override { return QStringLiteral("dotenv"); }
    QString displayName() const override
    {
        return QStringLiteral(".env (python-dotenv, npm dotenv, node --env-file)");
    }
    Status check(const ExportEntry &entry) const override;

    // The quoting every reader agrees on for this value, or a diagnostic whose code is the
    // refusal's suffix (DOTENV_CR, DOTENV_INTERPOLATION, DOTENV_UNQUOTABLE) and whose message
    // names the disagreeing reader.
    static Result<Quoting> quotingFor(const QByteArray &value);

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;
};

} // namespace secretdesk
