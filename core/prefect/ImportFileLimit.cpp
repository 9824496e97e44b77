#include "core/prefect/ImportFileLimit.h"

namespace secretdesk {

Diagnostic ImportFileLimit::tooLarge(const QString &fileName, qint64 size)
{
    Location where;
    where.file = fileName;
    const QString amount = size > MaxBytes + 1 ? QStringLiteral("%1 bytes").arg(size)
                                               : QStringLiteral("more than %1 bytes").arg(MaxBytes);
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("PREFECT060"),
                             QStringLiteral("the file holds %1; imports read at most %2 MiB")
                                 .arg(amount)
                                 .arg(MaxBytes / (1024 * 1024)),
                             where);
}

Result<QByteArray> ImportFileLimit::readAll(QFile &file)
{
    if (!file.isSequential() && file.size() > MaxBytes)
        return tooLarge(file.fileName(), file.size());
    // A pipe, or a file that grew since: read in chunks until the end or one byte past the cap.
    QByteArray text;
    while (text.size() <= MaxBytes) {
        // QFile blocks until a pipe has data; an empty chunk is the end (or an error, see below).
        const QByteArray chunk = file.read(qMin<qint64>(64 * 1024, MaxBytes + 1 - text.size()));
        if (chunk.isEmpty())
            break;
        text += chunk;
    }
    if (text.size() > MaxBytes)
        return tooLarge(file.fileName(), text.size());
    if (file.error() != QFileDevice::NoError) {
        Location where;
        where.file = file.fileName();
        return Diagnostic::error(Failure::Io, QStringLiteral("PREFECT040"),
                                 QStringLiteral("cannot read the file: %1").arg(file.errorString()), where);
    }
    return text;
}

} // namespace secretdesk
