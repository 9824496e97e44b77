#include "core/platform/PrivateFile.h"

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

} // namespace secretdesk
