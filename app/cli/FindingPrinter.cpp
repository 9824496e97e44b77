#include "app/cli/FindingPrinter.h"

#include <QJsonObject>

namespace secretdesk::cli {

void printFindings(const CliContext &context, const Findings &findings)
{
    for (const Finding &f : findings) {
        const Diagnostic &d = f.diagnostic;
        const QString where = d.location.toString();
        context.message((where.isEmpty() ? QString() : where + QStringLiteral(": ")) +
                        severityName(d.severity) + QStringLiteral(": ") + d.message + QStringLiteral(" (") +
                        d.code + QLatin1Char(')'));
        if (!d.fix.isEmpty())
            context.message(QStringLiteral("  fix: ") + d.fix);
    }
}

QJsonArray findingsToJson(const Findings &findings)
{
    QJsonArray array;
    for (const Finding &f : findings) {
        const Diagnostic &d = f.diagnostic;
        QJsonObject o{{QStringLiteral("severity"), severityName(d.severity)},
                      {QStringLiteral("code"), d.code},
                      {QStringLiteral("message"), d.message}};
        if (!d.location.pointer.isEmpty())
            o.insert(QStringLiteral("pointer"), d.location.pointer);
        if (d.location.line > 0) {
            o.insert(QStringLiteral("line"), d.location.line);
            o.insert(QStringLiteral("column"), d.location.column);
        }
        if (!d.location.file.isEmpty())
            o.insert(QStringLiteral("file"), d.location.file);
        if (!d.fix.isEmpty())
            o.insert(QStringLiteral("fix"), d.fix);
        o.insert(QStringLiteral("automaticFix"), f.fix.isAutomatic());
        array.append(o);
    }
    return array;
}

} // namespace secretdesk::cli
