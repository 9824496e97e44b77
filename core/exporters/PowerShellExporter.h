#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `$env:NAME = 'value'` lines for PowerShell (5.1 and 7). A verbatim string ends at any single
// quote PowerShell recognises: the ASCII ' and the typographic U+2018, U+2019, U+201A and U+201B.
// Each of them is doubled, which PowerShell reads back as one of the same character.
class PowerShellExporter : public Exporter {
public:
    // Windows limits an environment variable to 32,767 UTF-16 units.
    static constexpr qsizetype MaxValueLength = 32767;

    QString id() const override { return QStringLiteral("powershell"); }
    QString displayName() const override { return QStringLiteral("PowerShell"); }
    Status check(const ExportEntry &entry) const override;

    static bool isSingleQuote(char16_t c);

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;
};

} // namespace secretdesk
