#include "ValidatorFuzzEntry.h"

#include "core/validators/JsonDocument.h"
#include "core/validators/ValidatorRegistry.h"

namespace secretdesk {

namespace {

QString checkFindings(const Findings &findings, const QByteArray &text)
{
    for (const Finding &f : findings) {
        const Diagnostic &d = f.diagnostic;
        if (d.code.isEmpty() || d.message.isEmpty())
            return QStringLiteral("finding without code or message");
        if (d.message.contains(QLatin1Char('\n')))
            return QStringLiteral("%1: multi-line message").arg(d.code);
        if (d.location.line < 1 || d.location.column < 1)
            return QStringLiteral("%1: no line/column").arg(d.code);
        if (d.location.line > text.count('\n') + 1)
            return QStringLiteral("%1: line %2 beyond the text").arg(d.code).arg(d.location.line);
        for (const TextEdit &e : f.fix.edits) {
            if (e.offset < 0 || e.length < 0 || e.offset + e.length > text.size())
                return QStringLiteral("%1: fix edit outside the text").arg(d.code);
        }
    }
    return {};
}

} // namespace

QString fuzzValidators(const std::uint8_t *data, std::size_t size)
{
    static const ValidatorRegistry registry;
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const JsonDocument doc = JsonDocument::parse(text);
    if (!doc.ok() && (doc.errorOffset() < 0 || doc.errorOffset() > text.size()))
        return QStringLiteral("JSON error offset outside the text");
    registry.detectKind(text);

    for (const KindInfo &kind : registry.kinds()) {
        const Findings findings = registry.validateText(kind.id, text);
        if (QString problem = checkFindings(findings, text); !problem.isEmpty())
            return kind.id + QStringLiteral(": ") + problem;
        for (const Finding &f : findings) {
            if (!f.fix.isAutomatic())
                continue;
            const QByteArray fixed = f.fix.apply(text);
            if (fixed == text)
                return kind.id + QStringLiteral(": fix %1 changed nothing").arg(f.code());
            if (QString problem = checkFindings(registry.validateText(kind.id, fixed), fixed);
                !problem.isEmpty())
                return kind.id + QStringLiteral(" after fix: ") + problem;
        }
    }
    return {};
}

} // namespace secretdesk
