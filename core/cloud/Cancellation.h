#pragma once

#include "core/model/Diagnostic.h"

namespace secretdesk {

// A sync the user cancelled reports every secret it did not finish with this error, so reports,
// the CLI and the GUI tell "cancelled" apart from a real failure by its code.
inline const QString CancelledCode = QStringLiteral("CLOUD040");

inline Diagnostic cancelledError(const QString &what)
{
    return Diagnostic::error(Failure::Remote, CancelledCode, QStringLiteral("%1: cancelled").arg(what));
}

inline bool isCancelled(const Diagnostic &error)
{
    return error.code == CancelledCode;
}

} // namespace secretdesk
