#include "FuzzChecks.h"

namespace secretdesk {

int FuzzChecks::lineCount(const QByteArray &text)
{
    // Counting every "\n" and every "\r" bounds the lines under any of the newline conventions.
    return int(text.count('\n') + text.count('\r')) + 1;
}

QString FuzzChecks::entries(const QList<PrefectSecretEntry> &entries, const QByteArray &text)
{
    for (const PrefectSecretEntry &entry : entries) {
        if (!entry.importable() && entry.diagnostics.isEmpty())
            return QStringLiteral("a secret that cannot be imported says not why");
        for (const Diagnostic &d : entry.diagnostics) {
            if (QString problem = diagnostic(d, text, false); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString FuzzChecks::diagnostic(const Diagnostic &d, const QByteArray &text, bool needsLine)
{
    if (d.code.isEmpty() || d.message.isEmpty())
        return QStringLiteral("diagnostic without code or message");
    if (d.message.contains(QLatin1Char('\n')) || d.message.contains(QLatin1Char('\r')))
        return QStringLiteral("%1: multi-line message").arg(d.code);
    if (needsLine && (d.location.line < 1 || d.location.column < 1))
        return QStringLiteral("%1: no line and column").arg(d.code);
    if (d.location.line > lineCount(text))
        return QStringLiteral("%1: line %2 beyond the text").arg(d.code).arg(d.location.line);
    return {};
}

bool FuzzChecks::quotesInput(const QString &message, const QByteArray &text)
{
    constexpr int Run = 12;
    const QString input = QString::fromUtf8(text);
    if (input.size() < Run)
        return false;
    for (qsizetype i = 0; i + Run <= message.size(); ++i) {
        if (input.contains(QStringView(message).mid(i, Run)))
            return true;
    }
    return false;
}

} // namespace secretdesk
