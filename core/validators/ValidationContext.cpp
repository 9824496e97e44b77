#include "core/validators/ValidationContext.h"

#include "core/validators/MaskedExcerpt.h"

#include <QHash>

#include <algorithm>

namespace secretdesk {

TextEdit StringField::deletion(qsizetype from, qsizetype to) const
{
    const qsizetype begin = offsetOf(from);
    return TextEdit{begin, offsetOf(to) - begin, QByteArray()};
}

ValidationContext::ValidationContext(const QByteArray &text, bool json, QString file)
    : m_text(text)
    , m_json(json)
    , m_file(std::move(file))
{}

QString ValidationContext::pointerTo(const QString &parent, const QString &key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return parent + QLatin1Char('/') + escaped;
}

bool ValidationContext::parseObject()
{
    m_doc = JsonDocument::parse(m_text);
    if (!m_doc.ok()) {
        report(Severity::Error, QStringLiteral("JSON001"),
               QStringLiteral("JSON syntax error: %1").arg(m_doc.errorMessage()), m_doc.errorOffset(),
               QString());
        return false;
    }
    if (m_doc.root().type != JsonNode::Type::Object) {
        reportNode(Severity::Error, QStringLiteral("JSON002"),
                   QStringLiteral("the value must be a JSON object ({...})"), &m_doc.root(), QString());
        return false;
    }
    // Python's json.loads keeps the last of duplicate members silently: say which one wins.
    QList<std::pair<const JsonNode *, QString>> pending = {{&m_doc.root(), QString()}};
    while (!pending.isEmpty()) {
        const auto [object, pointer] = pending.takeLast();
        QHash<QString, int> seen;
        for (const JsonNode::Member &m : object->members) {
            const QString path = pointerTo(pointer, m.key);
            if (seen.contains(m.key)) {
                report(
                    Severity::Warning, QStringLiteral("JSON003"),
                    QStringLiteral("duplicate member %1: the last one wins").arg(MaskedExcerpt::name(m.key)),
                    m.keyBegin, path);
            }
            seen.insert(m.key, 1);
            const JsonNode &child = m_doc.node(m.value);
            if (child.type == JsonNode::Type::Object)
                pending.append({&child, path});
        }
    }
    return true;
}

StringField ValidationContext::wholeString() const
{
    StringField field;
    field.value = QString::fromUtf8(m_text);
    field.offsets.reserve(field.value.size() + 1);
    qsizetype pos = 0;
    for (qsizetype i = 0; i < field.value.size(); ++i) {
        field.offsets.append(pos);
        const char16_t u = field.value.at(i).unicode();
        if (QChar::isHighSurrogate(u))
            continue; // the low half shares this offset; the pair is four bytes
        if (QChar::isLowSurrogate(u))
            pos += 4;
        else
            pos += u < 0x80 ? 1 : (u < 0x800 ? 2 : 3);
    }
    field.offsets.append(pos);
    return field;
}

bool ValidationContext::stringMember(const JsonNode &object, const QString &objectPointer, const QString &key,
                                     StringField *out) const
{
    const JsonNode *node = m_doc.member(object, key);
    if (!node || node->type != JsonNode::Type::String)
        return false;
    out->value = node->text;
    out->pointer = pointerTo(objectPointer, key);
    out->offsets = m_doc.rawOffsets(*node);
    return true;
}

void ValidationContext::report(Severity severity, const QString &code, const QString &message,
                               qsizetype offset, const QString &pointer, Fix fix)
{
    Finding finding;
    finding.diagnostic.severity = severity;
    finding.diagnostic.failure = Failure::InvalidInput;
    finding.diagnostic.code = code;
    finding.diagnostic.message = message;
    finding.diagnostic.location.file = m_file;
    finding.diagnostic.location.pointer = pointer;
    // Reuse JsonDocument's line counting for string secrets too.
    if (m_json) {
        m_doc.lineColumn(offset, &finding.diagnostic.location.line, &finding.diagnostic.location.column);
    } else {
        const QByteArray before = m_text.left(qBound(qsizetype(0), offset, m_text.size()));
        finding.diagnostic.location.line = static_cast<int>(before.count('\n')) + 1;
        const QByteArray lastLine = before.mid(before.lastIndexOf('\n') + 1);
        finding.diagnostic.location.column = static_cast<int>(QString::fromUtf8(lastLine).size()) + 1;
    }
    finding.diagnostic.fix = fix.description;
    finding.fix = std::move(fix);
    m_findings.append(std::move(finding));
}

void ValidationContext::reportNode(Severity severity, const QString &code, const QString &message,
                                   const JsonNode *node, const QString &pointer, Fix fix)
{
    report(severity, code, message, node ? node->begin : 0, pointer, std::move(fix));
}

void ValidationContext::reportField(Severity severity, const QString &code, const QString &message,
                                    const StringField &field, qsizetype index, Fix fix)
{
    report(severity, code, message, field.offsetOf(index), field.pointer, std::move(fix));
}

Findings ValidationContext::takeFindings()
{
    std::stable_sort(m_findings.begin(), m_findings.end(), [](const Finding &a, const Finding &b) {
        const Location &x = a.diagnostic.location;
        const Location &y = b.diagnostic.location;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    return std::move(m_findings);
}

} // namespace secretdesk
