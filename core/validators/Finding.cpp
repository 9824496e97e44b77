#include "core/validators/Finding.h"

#include <QStringList>

#include <algorithm>

namespace secretdesk {

QByteArray Fix::apply(const QByteArray &document) const
{
    QList<TextEdit> sorted = edits;
    std::sort(sorted.begin(), sorted.end(),
              [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
    qsizetype limit = document.size();
    for (const TextEdit &edit : sorted) {
        if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > limit)
            return document;
        limit = edit.offset;
    }
    QByteArray out(document.constData(), document.size());
    for (const TextEdit &edit : sorted)
        out.replace(edit.offset, edit.length, edit.replacement);
    return out;
}

bool hasErrors(const Findings &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Finding &f) { return f.diagnostic.severity == Severity::Error; });
}

QStringList findingCodes(const Findings &findings)
{
    QStringList codes;
    for (const Finding &f : findings)
        codes << f.diagnostic.code;
    return codes;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Hint:
        return QStringLiteral("hint");
    }
    return QString();
}

} // namespace secretdesk
