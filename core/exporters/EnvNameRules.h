#pragma once

#include "core/model/Result.h"

#include <QString>
#include <QStringList>

namespace secretdesk {

struct ExportEntry;
class Exporter;

// Checks shared by the targets: the portable variable-name syntax, reserved names, and value
// properties (NUL, UTF-8 validity) that most readers cannot carry.
class EnvNameRules {
public:
    // [A-Za-z_][A-Za-z0-9_]*: what every shell and env-file reader accepts as a name.
    static bool isPortableName(const QString &name);
    // Names that bash, dash or zsh treat specially (read-only, tied to an array, or reset by the
    // shell), so an export would not come back as written.
    static bool isPosixShellReserved(const QString &name);
    // Names fish treats specially (read-only, electric or scoped to the shell).
    static bool isFishReserved(const QString &name);
    static bool isValidUtf8(const QByteArray &bytes);
};

} // namespace secretdesk
