#include "core/platform/PrivateFile.h"

#include <QFile>
#include <QSaveFile>

namespace secretdesk {

Status writePrivateFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    Location where;
    where.file = path;
    if (!file.open(QIODevice::WriteOnly)) {
        return Diagnostic::error(Failure::Io, QStringLiteral("OUTPUT001"),
                                 QStringLiteral("cannot write the file: %1").arg(file.errorString()), where);
    }
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        file.cancelWriting();
        return Diagnostic::error(Failure::Io, QStringLiteral("OUTPUT001"),
                                 QStringLiteral("cannot write the file: %1").arg(file.errorString()), where);
    }
    return {};
}

Result<QByteArray> readSmallFile(const QString &path, qsizetype maxBytes)
{
    QFile file(path);
    Location where;
    where.file = path;
    if (!file.open(QIODevice::ReadOnly)) {
        return Diagnostic::error(file.exists() ? Failure::Io : Failure::NotFound, QStringLiteral("INPUT003"),
                                 QStringLiteral("cannot read the file: %1").arg(file.errorString()), where);
    }
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("INPUT002"),
                                 QStringLiteral("the file is larger than %1 bytes").arg(maxBytes), where);
    }
    return bytes;
}

} // namespace secretdesk
