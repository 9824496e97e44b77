#include "core/prefect/PrefectCodec.h"

#include "core/prefect/PrefectTomlValue.h"
#include "core/prefect/PythonJson.h"
#include "core/prefect/PythonNumber.h"

#include <QList>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>

namespace secretdesk {

namespace {

// The value's text with every character: QString::fromUtf8 (SecretValue::toString()) drops a leading
// U+FEFF as a byte order mark, which would silently change the value (found by fuzzing).
QString valueText(const SecretValue &value)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(value.utf8());
}

QString hexEscape(char32_t c, const char *prefix, int width)
{
    return QLatin1String(prefix) + QStringLiteral("%1").arg(uint(c), width, 16, QLatin1Char('0'));
}

// json.dumps-style quoting with every "$" as \u0024, so that no later step sees a "$".
QString jsonQuote(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar ch : text) { // UTF-16 units: surrogate pairs pass through unchanged
        const char32_t c = ch.unicode();
        switch (c) {
        case U'"':
            out += QStringLiteral("\\\"");
            break;
        case U'\\':
            out += QStringLiteral("\\\\");
            break;
        case U'\n':
            out += QStringLiteral("\\n");
            break;
        case U'\r':
            out += QStringLiteral("\\r");
            break;
        case U'\t':
            out += QStringLiteral("\\t");
            break;
        case U'\b':
            out += QStringLiteral("\\b");
            break;
        case U'\f':
            out += QStringLiteral("\\f");
            break;
        case U'$':
            out += QStringLiteral("\\u0024");
            break;
        default:
            if (c < 0x20)
                out += hexEscape(c, "\\u", 4);
            else
                out += ch;
        }
    }
    return out + QLatin1Char('"');
}

Status checkUtf8(const SecretValue &value)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString decoded = decoder.decode(value.utf8());
    if (decoder.hasError()) {
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("PREFECT001"),
                                 QStringLiteral("the value is not valid UTF-8, which Prefect cannot read"));
    }
    return Status::success();
}

Diagnostic noEncoding(const char *carrier)
{
    // Not expected: the fully escaped candidate always decodes exactly. Kept as a value, not a crash.
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("PREFECT002"),
        QStringLiteral("no %1 text found that Prefect reads back exactly").arg(QLatin1String(carrier)));
}

bool matches(const Result<PrefectReading> &reading, const PythonValue &context, const PythonValue &got)
{
    return reading.ok() && reading->context == context && reading->secretGet == got;
}

// Texts the toml 0.10 package reads wrongly as basic strings, found by measuring: one double quote,
// or two at the start (read as an empty or shortened string); and a \\uXXXX escape (which the writer
// uses for control characters) in the same string as a backslash followed by "u" (it raises).
bool tomlPackageMisreads(const QString &text)
{
    if (text == QLatin1String("\"") || text.startsWith(QLatin1String("\"\"")))
        return true;
    const bool needsUnicodeEscape = std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != '\b' && u != '\t' && u != '\n' && u != '\f' && u != '\r') || u == 0x7f;
    });
    return needsUnicodeEscape && text.contains(QLatin1String("\\u"));
}

bool isSafeTableText(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
        if (!alnum && !QStringView(u" _-./:+=@%^*!?;|&<>").contains(c))
            return false;
    }
    return true;
}

// The inline-table form of an object, and the value the toml package parses from it; nullopt when
// the object is not simple enough for the old toml 0.10 parser and Prefect's flattening.
std::optional<std::pair<QByteArray, PythonValue>> tableForm(const PythonValue &object)
{
    if (!object.isDict() || object.items().empty())
        return std::nullopt; // empty tables vanish when Prefect flattens the file
    QList<QByteArray> parts;
    std::vector<PythonValue> parsed;
    for (std::size_t i = 0; i + 1 < object.items().size(); i += 2) {
        const PythonValue &key = object.items()[i];
        const PythonValue &leaf = object.items()[i + 1];
        if (!key.isStr() || PrefectTomlValue::key(key.text()).startsWith('"'))
            return std::nullopt;
        QByteArray written;
        PythonValue read;
        switch (leaf.kind()) {
        case PythonValue::Kind::Str:
            if (!isSafeTableText(leaf.text()))
                return std::nullopt;
            written = PrefectTomlValue::basicString(leaf.text());
            read = leaf;
            break;
        case PythonValue::Kind::Int: {
            bool ok = false;
            leaf.text().toLongLong(&ok);
            if (!ok)
                return std::nullopt;
            written = leaf.text().toLatin1();
            read = leaf;
            break;
        }
        case PythonValue::Kind::Bool:
            written = leaf.boolValue() ? "true" : "false";
            read = leaf;
            break;
        case PythonValue::Kind::None:
            written = "\"None\"";
            read = PythonValue::str(QStringLiteral("None"));
            break;
        case PythonValue::Kind::Dict: {
            auto nested = tableForm(leaf);
            if (!nested)
                return std::nullopt;
            written = nested->first;
            read = nested->second;
            break;
        }
        default:
            return std::nullopt;
        }
        parts << key.text().toUtf8() + " = " + written;
        parsed.push_back(key);
        parsed.push_back(read);
    }
    return std::make_pair("{ " + parts.join(", ") + " }", PythonValue::dict(std::move(parsed)));
}

} // namespace

bool PrefectCodec::contextHoldsValue(const SecretValue &value)
{
    if (value.isJson())
        return true;
    const QString text = valueText(value);
    return !text.contains(QLatin1String("${")) && !PythonJson::parses(text);
}

PythonValue PrefectCodec::contextTarget(const SecretValue &value)
{
    if (value.isJson())
        return secretGetTarget(value);
    const QString text = valueText(value);
    return PythonValue::str(contextHoldsValue(value) ? text : jsonQuote(text));
}

PythonValue PrefectCodec::secretGetTarget(const SecretValue &value)
{
    if (value.isJson())
        return PythonJson::loads(valueText(value)).value_or(PythonValue::none());
    return PythonValue::str(valueText(value));
}

QString PrefectCodec::pythonStringLiteral(const QString &text)
{
    // The quote that needs fewer escapes; single quotes on a tie, as Python's repr does.
    const QChar quote =
        text.count(QLatin1Char('\'')) > text.count(QLatin1Char('"')) ? QLatin1Char('"') : QLatin1Char('\'');
    QString out = quote;
    out.reserve(text.size() + 8);
    for (const QChar ch : text) { // UTF-16 units: surrogate pairs pass through unchanged
        const char32_t c = ch.unicode();
        if (c == quote.unicode() || c == U'\\')
            out += QLatin1Char('\\') + QChar(c);
        else if (c == U'\n')
            out += QStringLiteral("\\n");
        else if (c == U'\r')
            out += QStringLiteral("\\r");
        else if (c == U'\t')
            out += QStringLiteral("\\t");
        else if (c < 0x20 || c == 0x7f || c == U'$')
            out += hexEscape(c, "\\x", 2);
        else
            out += ch;
    }
    return out + quote;
}

QString PrefectCodec::pythonLiteral(const PythonValue &value)
{
    switch (value.kind()) {
    case PythonValue::Kind::Str:
        return pythonStringLiteral(value.text());
    case PythonValue::Kind::Float:
        return PythonNumber::floatRepr(value.real());
    case PythonValue::Kind::List: {
        QStringList parts;
        for (const auto &item : value.items())
            parts << pythonLiteral(item);
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case PythonValue::Kind::Dict: {
        QStringList parts;
        for (std::size_t i = 0; i + 1 < value.items().size(); i += 2)
            parts << pythonLiteral(value.items()[i]) + QStringLiteral(": ") +
                         pythonLiteral(value.items()[i + 1]);
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    default:
        return value.toPythonRepr(); // None, True/False, ints
    }
}

Result<QByteArray> PrefectCodec::encodeEnv(const SecretValue &value)
{
    if (const Status utf8 = checkUtf8(value); !utf8)
        return utf8.error();
    const PythonValue context = contextTarget(value);
    const PythonValue got = secretGetTarget(value);
    const PrefectEnvironment hostile = PrefectEnvironment::everythingDefined();
    QStringList candidates;
    if (context.isStr()) {
        const QString once = pythonStringLiteral(context.text());
        candidates << context.text() << once << pythonStringLiteral(once);
    } else {
        candidates << pythonLiteral(context);
    }
    for (const QString &candidate : candidates) {
        const QByteArray text = PrefectPipeline::unicodeEscapeEncode(candidate);
        if (matches(PrefectPipeline::loadEnvValue(text, hostile), context, got))
            return text;
    }
    return noEncoding("environment variable");
}

Result<QByteArray> PrefectCodec::encodeToml(const SecretValue &value)
{
    if (const Status utf8 = checkUtf8(value); !utf8)
        return utf8.error();
    const PythonValue context = contextTarget(value);
    const PythonValue got = secretGetTarget(value);
    const PrefectEnvironment hostile = PrefectEnvironment::everythingDefined();
    if (!context.isStr()) {
        if (const auto table = tableForm(context)) {
            if (matches(PrefectPipeline::loadTomlValue(table->second, hostile), context, got))
                return table->first;
        }
    }
    QStringList candidates;
    if (context.isStr())
        candidates << context.text();
    candidates << pythonLiteral(context);
    for (const QString &candidate : candidates) {
        if (tomlPackageMisreads(candidate))
            continue;
        if (matches(PrefectPipeline::loadTomlValue(PythonValue::str(candidate), hostile), context, got))
            return PrefectTomlValue::basicString(candidate);
    }
    return noEncoding("TOML");
}

Result<PrefectReading> PrefectCodec::decodeEnv(const QByteArray &text, const PrefectEnvironment &world)
{
    return PrefectPipeline::loadEnvValue(text, world);
}

Result<PrefectReading> PrefectCodec::decodeToml(const QByteArray &text, const PrefectEnvironment &world)
{
    auto parsed = PrefectTomlValue::parse(text);
    if (!parsed)
        return parsed.error();
    return PrefectPipeline::loadTomlValue(parsed.value(), world);
}

} // namespace secretdesk
