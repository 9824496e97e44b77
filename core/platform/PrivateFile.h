#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QString>

namespace secretdesk {

// Writes a file the user asked for that holds values (an export): created 0600 before any byte is
// written, replaced atomically, so no reader ever sees it half-written or with looser rights.
Status writePrivateFile(const QString &path, const QByteArray &bytes);
// Reads a file the user handed over (a dropped key file), refusing anything larger than `maxBytes`.
Result<QByteArray> readSmallFile(const QString &path, qsizetype maxBytes = 1024 * 1024);

} // namespace secretdesk
