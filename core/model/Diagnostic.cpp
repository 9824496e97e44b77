#include "core/model/Diagnostic.h"

namespace secretdesk {

QString Location::toString() const
{
    QString out = file;
    if (line > 0) {
        out += (out.isEmpty() ? QString() : QStringLiteral(":")) + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    if (!pointer.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + pointer;
    return out;
}

Diagnostic Diagnostic::error(Failure failure, QString code, QString message, Location location)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.failure = failure;
    d.code = std::move(code);
    d.message = std::move(message);
    d.location = std::move(location);
    return d;
}

QString Diagnostic::toString() const
{
    const QString where = location.toString();
    QString out = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    if (!code.isEmpty())
        out += QStringLiteral(" (") + code + QLatin1Char(')');
    return out;
}

} // namespace secretdesk
