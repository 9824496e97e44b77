#pragma once

#include <QByteArray>

namespace secretdesk {

// Overwrites a buffer in a way the optimiser may not remove. Best effort: copies that Qt or the
// C library made elsewhere are out of reach (docs/SECURITY.md).
void wipeBytes(QByteArray &bytes);
void wipeString(QString &text);

} // namespace secretdesk
