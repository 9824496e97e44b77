#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace secretdesk {

// The largest file an import reads (env files, config.toml): real ones are a few kilobytes, so
// anything near the cap is a wrong file or a hostile one, and is refused before it fills memory.
class ImportFileLimit {
public:
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024; // 16 MiB

    // The whole content of an open file, or PREFECT060 (file name, the cap) when it is larger than
    // MaxBytes: a regular file is refused by its size without reading it, a pipe or device after
    // MaxBytes + 1 bytes. A read error is an Io diagnostic (PREFECT040).
    static Result<QByteArray> readAll(QFile &file);
    // PREFECT060 for a text already in memory that is over the cap (`fileName` labels it).
    static Diagnostic tooLarge(const QString &fileName, qint64 size);
};

} // namespace secretdesk
