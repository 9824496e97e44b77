#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `$env:NAME = '...'` lines for PowerShell (Windows PowerShell 5.1 and PowerShell 7). The output is
// printable ASCII only: Windows PowerShell reads a script without BOM in the ANSI code page and a
// piped text in the console's, so any other character (and every control character) is written
// outside the quotes as [char]0xHHHH and joined with +. Inside a verbatim '...' string PowerShell
// also ends the string at the typographic quotes U+2018, U+2019, U+201A and U+201B; they are never
// written raw, and an ASCII ' is doubled. An empty value is refused: assigning '' removes the
// variable.
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
