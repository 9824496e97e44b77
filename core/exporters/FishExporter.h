#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `set -gx NAME 'value'` lines for fish, read with `source file` or `… | source` (never
// `eval (…)`: command substitution splits on newlines). Inside fish single quotes only \\ and \'
// are escapes, so those two are escaped and everything else, newlines included, stays literal.
class FishExporter : public Exporter {
public:
    QString id() const override { return QStringLiteral("fish"); }
    QString displayName() const override { return QStringLiteral("fish"); }
    Status check(const ExportEntry &entry) const override;

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;
};

} // namespace secretdesk
