#include "core/prefect/PrefectTomlValue.h"

#include <QList>
#include <QRegularExpression>
#include <QStringDecoder>
#include <toml++/toml.h>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace secretdesk {

namespace {

// `depth` counts the tables and arrays around the node: dotted keys nest tables beyond toml++'s own
// limit on nested values, and this recursion must stay bounded.
Result<PythonValue> convert(const toml::node &node, int depth = 0)
{
    if ((node.is_table() || node.is_array()) && depth >= PrefectTomlValue::MaxNesting) {
        Location where;
        where.line = 1;
        where.column = std::max(1, int(node.source().begin.column) - 4);
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("PREFECT061"),
            QStringLiteral("tables and arrays nest deeper than %1 levels").arg(PrefectTomlValue::MaxNesting),
            where);
    }
    if (const auto *s = node.as_string())
        return PythonValue::str(PrefectTomlValue::text(s->get()));
    if (const auto *i = node.as_integer())
        return PythonValue::integer(QString::number(i->get()));
    if (const auto *f = node.as_floating_point())
        return PythonValue::floating(f->get());
    if (const auto *b = node.as_boolean())
        return PythonValue::boolean(b->get());
    if (const auto *a = node.as_array()) {
        // The toml 0.10 package refuses arrays mixing value types ("Not a homogeneous array"),
        // except that it silently drops scalars after a table: both are Prefect's reading, not TOML's.
        if (!a->empty() && !a->is_homogeneous(a->front().type())) {
            const bool hasTable =
                std::any_of(a->begin(), a->end(), [](const toml::node &n) { return n.is_table(); });
            if (hasTable) {
                return Diagnostic::error(
                    Failure::InvalidInput, QStringLiteral("PREFECT021"),
                    QStringLiteral("the toml package Prefect uses misreads arrays mixing tables "
                                   "and other values"));
            }
            return Diagnostic::error(
                Failure::InvalidInput, QStringLiteral("PREFECT020"),
                QStringLiteral("Prefect would fail to load its configuration: the toml package "
                               "refuses arrays mixing value types"));
        }
        std::vector<PythonValue> items;
        for (const auto &item : *a) {
            auto v = convert(item, depth + 1);
            if (!v)
                return v.error();
            items.push_back(v.value());
        }
        return PythonValue::list(std::move(items));
    }
    if (const auto *t = node.as_table()) {
        // toml++ keeps keys sorted; the toml package keeps them in file order, so restore that order.
        std::vector<std::pair<const toml::key *, const toml::node *>> entries;
        for (const auto &[k, v] : *t)
            entries.emplace_back(&k, &v);
        std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
            const auto &x = a.first->source().begin;
            const auto &y = b.first->source().begin;
            return x.line != y.line ? x.line < y.line : x.column < y.column;
        });
        std::vector<PythonValue> items;
        for (const auto &[k, v] : entries) {
            auto converted = convert(*v, depth + 1);
            if (!converted)
                return converted.error();
            items.push_back(PythonValue::str(PrefectTomlValue::text(k->str())));
            items.push_back(converted.value());
        }
        return PythonValue::dict(std::move(items));
    }
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("PREFECT021"),
                             QStringLiteral("cannot predict what Prefect makes of a TOML date or time"));
}

} // namespace

Result<PythonValue> PrefectTomlValue::parse(const QByteArray &text)
{
    const std::string document = "v = " + text.toStdString() + "\n";
    try {
        const toml::table table = toml::parse(std::string_view(document));
        const toml::node *node = table.get("v");
        if (!node || table.size() != 1) {
            return Diagnostic::error(Failure::InvalidInput, QStringLiteral("PREFECT023"),
                                     QStringLiteral("not a single TOML value"));
        }
        // The toml 0.10 package misreads a basic string that is one escaped quote or starts with two.
        const QByteArray trimmed = text.trimmed();
        if (node->is_string() && (trimmed.startsWith("\"\\\"\\\"") || trimmed == "\"\\\"\"")) {
            return Diagnostic::error(Failure::InvalidInput, QStringLiteral("PREFECT021"),
                                     QStringLiteral("the toml package Prefect uses misreads this string"));
        }
        return convert(*node);
    } catch (const toml::parse_error &error) {
        Location where;
        where.line = 1;
        where.column = std::max(1, int(error.source().begin.column) - 4);
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("PREFECT023"),
            QStringLiteral("invalid TOML value: %1").arg(withoutExcerpts(error.description())), where);
    }
}

QString PrefectTomlValue::text(std::string_view utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

QString PrefectTomlValue::withoutExcerpts(std::string_view description)
{
    static const QRegularExpression quoted(QStringLiteral("'[^']*'|\"[^\"]*\""));
    return QString::fromUtf8(description.data(), qsizetype(description.size()))
        .replace(quoted, QStringLiteral("…"));
}

QByteArray PrefectTomlValue::basicString(const QString &text)
{
    // Escapes are ASCII, so UTF-16 units can be copied as they are and converted once at the end.
    QString out = QStringLiteral("\"");
    out.reserve(text.size() + 8);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c < 0x20 || c == 0x7f)
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            else
                out += ch;
        }
    }
    out += QLatin1Char('"');
    return out.toUtf8();
}

QByteArray PrefectTomlValue::key(const QString &name)
{
    bool bare = !name.isEmpty();
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
              u == '-'))
            bare = false;
    }
    return bare ? name.toUtf8() : basicString(name);
}

} // namespace secretdesk
