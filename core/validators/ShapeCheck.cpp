#include "core/validators/ShapeCheck.h"

#include "core/validators/MaskedExcerpt.h"

#include <algorithm>

namespace secretdesk {

namespace {

QString jsonTypeName(JsonNode::Type type)
{
    switch (type) {
    case JsonNode::Type::Null:
        return QStringLiteral("null");
    case JsonNode::Type::Bool:
        return QStringLiteral("bool");
    case JsonNode::Type::Number:
        return QStringLiteral("number");
    case JsonNode::Type::String:
        return QStringLiteral("string");
    case JsonNode::Type::Array:
        return QStringLiteral("array");
    case JsonNode::Type::Object:
        return QStringLiteral("object");
    }
    return QString();
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// One past the closing quote of the JSON string that starts at `begin`.
qsizetype stringEnd(const QByteArray &text, qsizetype begin)
{
    qsizetype pos = begin + 1;
    while (pos < text.size() && text.at(pos) != '"')
        pos += text.at(pos) == '\\' ? 2 : 1;
    return std::min(pos + 1, text.size());
}

QByteArray quoted(const QString &key)
{
    return '"' + key.toUtf8() + '"'; // known field names hold no characters that need escaping
}

} // namespace

QString ShapeCheck::closest(const QString &unknown, const QStringList &candidates, int maxDistance)
{
    QString best;
    int bestDistance = maxDistance + 1;
    for (const QString &candidate : candidates) {
        const int d = editDistance(unknown, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

QString ShapeCheck::suggestName(const QString &unknown, const QList<FieldSpec> &fields)
{
    QStringList names;
    for (const FieldSpec &f : fields) {
        if (f.aliases.contains(unknown, Qt::CaseInsensitive))
            return f.key;
        names << f.key;
    }
    return closest(unknown, names, unknown.size() <= 4 ? 1 : 2);
}

StringField ShapeCheck::checkString(ValidationContext &context, const FormatSpec &spec,
                                    const QList<PatternRule> &rules, const StringField &field,
                                    bool checkWhitespace)
{
    const QString what = field.pointer.isEmpty() ? QStringLiteral("the value") : field.pointer.mid(1);
    if (field.value.isEmpty()) {
        context.reportField(Severity::Error, spec.code(4), QStringLiteral("%1 is empty").arg(what), field);
        return {};
    }
    qsizetype begin = 0;
    qsizetype end = field.value.size();
    while (begin < end && field.value.at(begin).isSpace())
        ++begin;
    while (end > begin && field.value.at(end - 1).isSpace())
        --end;
    if (begin == end) {
        context.reportField(Severity::Error, spec.code(4),
                            QStringLiteral("%1 holds only whitespace").arg(what), field);
        return {};
    }
    if (checkWhitespace && (begin > 0 || end < field.value.size())) {
        Fix fix{QStringLiteral("Remove the whitespace around %1").arg(what), {}};
        if (end < field.value.size())
            fix.edits << field.deletion(end, field.value.size());
        if (begin > 0)
            fix.edits << field.deletion(0, begin);
        const bool newline = field.value.left(begin).contains(QLatin1Char('\n')) ||
                             field.value.mid(end).contains(QLatin1Char('\n'));
        context.reportField(spec.whitespaceSeverity, spec.code(6),
                            QStringLiteral("%1 has %2 %3 it")
                                .arg(what,
                                     newline ? QStringLiteral("a line break") : QStringLiteral("whitespace"),
                                     begin > 0 ? QStringLiteral("before") : QStringLiteral("after")),
                            field, begin > 0 ? 0 : end, fix);
    }
    StringField trimmed;
    trimmed.value = field.value.mid(begin, end - begin);
    trimmed.pointer = field.pointer;
    trimmed.offsets = field.offsets.mid(begin, end - begin + 1);
    for (const PatternRule &rule : rules) {
        const QRegularExpressionMatch m = rule.pattern.match(trimmed.value);
        if (m.hasMatch() != rule.mustMatch) {
            const QString place =
                trimmed.pointer.isEmpty() ? QString() : trimmed.pointer.mid(1) + QStringLiteral(": ");
            context.reportField(rule.severity, rule.code, place + rule.message, trimmed,
                                rule.mustMatch ? 0 : m.capturedStart());
        }
    }
    return trimmed;
}

const VariantSpec *ShapeCheck::checkObject(ValidationContext &context, const FormatSpec &spec)
{
    const JsonDocument &doc = context.json();
    const JsonNode &root = doc.root();
    const VariantSpec *variant = spec.variants.isEmpty() ? nullptr : &spec.variants.first();
    if (!spec.discriminator.isEmpty()) {
        QStringList known;
        for (const VariantSpec &v : spec.variants)
            known << v.discriminatorValue;
        const JsonNode *node = doc.member(root, spec.discriminator);
        const QString value = node && node->type == JsonNode::Type::String ? node->text : QString();
        variant = spec.variant(value);
        if (!node || !variant) {
            const QString suggestion = node ? closest(value, known, 3) : QString();
            Fix fix;
            if (!suggestion.isEmpty())
                fix = Fix{QStringLiteral("Set %1 to \"%2\"").arg(spec.discriminator, suggestion),
                          {TextEdit{node->begin, node->end - node->begin, quoted(suggestion)}}};
            context.reportNode(Severity::Error, spec.code(7),
                               QStringLiteral("%1 %2: expected one of %3")
                                   .arg(spec.discriminator,
                                        node ? QStringLiteral("is not a valid credential type")
                                             : QStringLiteral("is missing"),
                                        known.join(QStringLiteral(", "))),
                               node, node ? ValidationContext::pointerTo({}, spec.discriminator) : QString(),
                               fix);
            return nullptr;
        }
        if (!variant->supported) {
            context.reportNode(
                Severity::Hint, spec.code(8),
                QStringLiteral("%1 \"%2\" is accepted by google-auth; only its type is checked here")
                    .arg(spec.discriminator, value),
                node, ValidationContext::pointerTo({}, spec.discriminator));
            return nullptr;
        }
    }
    if (!variant)
        return nullptr;

    for (const FieldSpec &field : variant->fields) {
        const QString pointer = ValidationContext::pointerTo({}, field.key);
        const JsonNode *node = doc.member(root, field.key);
        if (!node) {
            if (field.required)
                context.report(Severity::Error, spec.code(1),
                               QStringLiteral("required field '%1' is missing").arg(field.key), root.begin,
                               QString());
            else if (field.recommended)
                context.report(
                    Severity::Warning, spec.code(5),
                    QStringLiteral("field '%1' is missing (key files normally have it)").arg(field.key),
                    root.begin, QString());
            continue;
        }
        const QString actual = jsonTypeName(node->type);
        if (field.type != QLatin1String("any") && actual != field.type) {
            context.reportNode(
                Severity::Error, spec.code(2),
                QStringLiteral("field '%1' must be a %2, not a %3").arg(field.key, field.type, actual), node,
                pointer);
            continue;
        }
        if (node->type == JsonNode::Type::String && field.key != spec.discriminator) {
            StringField value;
            if (context.stringMember(root, {}, field.key, &value) &&
                (field.required || !value.value.isEmpty()))
                checkString(context, spec, field.rules, value, field.checkWhitespace);
        }
    }

    if (spec.warnUnknownKeys) {
        for (const JsonNode::Member &m : root.members) {
            const bool known = std::any_of(variant->fields.cbegin(), variant->fields.cend(),
                                           [&](const FieldSpec &f) { return f.key == m.key; });
            if (known)
                continue;
            const QString suggestion = suggestName(m.key, variant->fields);
            Fix fix;
            QString message = QStringLiteral("unknown field %1").arg(MaskedExcerpt::name(m.key));
            if (!suggestion.isEmpty()) {
                message += QStringLiteral(": did you mean '%1'?").arg(suggestion);
                if (!doc.member(root, suggestion)) {
                    const qsizetype end = stringEnd(doc.text(), m.keyBegin);
                    fix = Fix{QStringLiteral("Rename %1 to '%2'").arg(MaskedExcerpt::name(m.key), suggestion),
                              {TextEdit{m.keyBegin, end - m.keyBegin, quoted(suggestion)}}};
                }
            }
            context.report(Severity::Warning, spec.code(3), message, m.keyBegin,
                           ValidationContext::pointerTo({}, m.key), fix);
        }
    }
    return variant;
}

} // namespace secretdesk
