#include "core/model/SecretRecord.h"

namespace secretdesk {

QString exportTargetName(ExportTarget target)
{
    switch (target) {
    case ExportTarget::Context:
        return QStringLiteral("context");
    case ExportTarget::Plain:
        return QStringLiteral("plain");
    case ExportTarget::Both:
        return QStringLiteral("both");
    }
    return {};
}

Result<ExportTarget> exportTargetFromName(const QString &name)
{
    if (name == QLatin1String("context"))
        return ExportTarget::Context;
    if (name == QLatin1String("plain"))
        return ExportTarget::Plain;
    if (name == QLatin1String("both"))
        return ExportTarget::Both;
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("TARGET001"),
        QStringLiteral("unknown target '%1' (expected context, plain or both)").arg(name));
}

} // namespace secretdesk
