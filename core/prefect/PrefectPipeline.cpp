#include "core/prefect/PrefectPipeline.h"

#include "core/prefect/PythonEscapes.h"
#include "core/prefect/PythonJson.h"
#include "core/prefect/PythonLiteral.h"

#include <QList>
#include <QStringDecoder>

namespace secretdesk {

namespace {

constexpr int MaxRounds = 10;

Diagnostic importFails(const QString &why)
{
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("PREFECT020"),
                             QStringLiteral("Prefect would fail to load its configuration: %1").arg(why));
}

Diagnostic notModelled(const QString &what)
{
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("PREFECT021"),
        QStringLiteral("cannot predict what Prefect makes of this value (%1)").arg(what));
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

// Python's str(value): the text of a str, repr() of anything else.
QString pythonStr(const PythonValue &value)
{
    return value.isStr() ? value.text() : value.toPythonRepr();
}

// One pass over a TOML value: every string leaf, dicts recursively; empty dicts vanish (nullopt).
Result<std::optional<PythonValue>> tomlLeafPass(const PythonValue &value, const PrefectEnvironment &world)
{
    if (!value.isDict()) {
        auto passed = PrefectPipeline::secondPass(value, world);
        if (!passed)
            return passed.error();
        return std::optional<PythonValue>(PrefectPipeline::replaceReferences(passed.value(), world));
    }
    std::vector<PythonValue> kept;
    for (std::size_t i = 0; i + 1 < value.items().size(); i += 2) {
        auto leaf = tomlLeafPass(value.items()[i + 1], world);
        if (!leaf)
            return leaf.error();
        if (leaf.value()) {
            kept.push_back(value.items()[i]);
            kept.push_back(*leaf.value());
        }
    }
    if (kept.empty())
        return std::optional<PythonValue>();
    return std::optional<PythonValue>(PythonValue::dict(std::move(kept)));
}

} // namespace

Result<QString> PrefectPipeline::unicodeEscapeDecode(const QByteArray &utf8)
{
    QString out;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c != '\\') {
            out += QChar(char16_t(static_cast<unsigned char>(c)));
            continue;
        }
        if (++i >= utf8.size())
            return importFails(QStringLiteral("the value ends with a lone backslash"));
        const char e = utf8.at(i);
        if (const auto simple = PythonEscapes::simpleEscape(static_cast<unsigned char>(e))) {
            out += *simple;
            continue;
        }
        switch (e) {
        case 'x':
        case 'u':
        case 'U': {
            const int width = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            char32_t value = 0;
            for (int k = 1; k <= width; ++k) {
                const int h = i + k < utf8.size() ? hexDigit(utf8.at(i + k)) : -1;
                if (h < 0)
                    return importFails(QStringLiteral("a truncated \\%1 escape").arg(QLatin1Char(e)));
                value = value * 16 + char32_t(h);
            }
            if (value > 0x10FFFF)
                return importFails(QStringLiteral("an escape beyond U+10FFFF"));
            i += width;
            if (value < 0x10000)
                out += QChar(char16_t(value));
            else
                out += QString::fromUcs4(&value, 1);
            break;
        }
        case 'N':
            return notModelled(QStringLiteral("a \\N{...} escape"));
        default:
            if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int k = 0;
                     k < 2 && i + 1 < utf8.size() && utf8.at(i + 1) >= '0' && utf8.at(i + 1) <= '7'; ++k)
                    value = value * 8 + (utf8.at(++i) - '0');
                out += QChar(char16_t(value));
            } else {
                out += QLatin1Char('\\');
                out += QChar(char16_t(static_cast<unsigned char>(e)));
            }
        }
    }
    return out;
}

QByteArray PrefectPipeline::unicodeEscapeEncode(const QString &text)
{
    QByteArray out;
    for (const char32_t c : text.toUcs4()) {
        if (c == U'\\')
            out += "\\\\";
        else if (c == U'\n')
            out += "\\n";
        else if (c == U'\t')
            out += "\\t";
        else if (c == U'\r')
            out += "\\r";
        else if (c >= 0x20 && c < 0x7f)
            out += char(c);
        else if (c < 0x100)
            out += "\\x" + QByteArray::number(uint(c), 16).rightJustified(2, '0');
        else if (c < 0x10000)
            out += "\\u" + QByteArray::number(uint(c), 16).rightJustified(4, '0');
        else
            out += "\\U" + QByteArray::number(uint(c), 16).rightJustified(8, '0');
    }
    return out;
}

QString PrefectPipeline::expandVars(const QString &text, const PrefectEnvironment &world)
{
    if (!text.contains(QLatin1Char('$')))
        return text;
    QString path = text;
    qsizetype i = 0;
    while (true) {
        // Find the next `$name` (ASCII word characters) or `${anything but a closing brace}`.
        qsizetype start = -1;
        qsizetype end = -1;
        QString name;
        for (qsizetype at = path.indexOf(QLatin1Char('$'), i); at >= 0;
             at = path.indexOf(QLatin1Char('$'), at + 1)) {
            if (at + 1 < path.size() && isWordChar(path.at(at + 1))) {
                end = at + 1;
                while (end < path.size() && isWordChar(path.at(end)))
                    ++end;
                name = path.mid(at + 1, end - at - 1);
                start = at;
                break;
            }
            if (at + 1 < path.size() && path.at(at + 1) == QLatin1Char('{')) {
                const qsizetype close = path.indexOf(QLatin1Char('}'), at + 2);
                if (close >= 0) {
                    name = path.mid(at + 2, close - at - 2);
                    start = at;
                    end = close + 1;
                    break;
                }
            }
        }
        if (start < 0)
            return path;
        const std::optional<QString> value = world.variable(name);
        if (!value) {
            i = end;
            continue;
        }
        const QString tail = path.mid(end);
        path = path.left(start) + *value;
        i = path.size();
        path += tail;
    }
}

QString PrefectPipeline::expandUser(const QString &text, const PrefectEnvironment &world)
{
    if (!text.startsWith(QLatin1Char('~')))
        return text;
    qsizetype i = text.indexOf(QLatin1Char('/'), 1);
    if (i < 0)
        i = text.size();
    std::optional<QString> home;
    if (i == 1) {
        home = world.variable(QStringLiteral("HOME"));
        if (!home)
            home = world.userHome(QString());
    } else {
        home = world.userHome(text.mid(1, i - 1));
    }
    if (!home)
        return text;
    QString userhome = *home;
    while (userhome.endsWith(QLatin1Char('/')))
        userhome.chop(1);
    const QString result = userhome + text.mid(i);
    return result.isEmpty() ? QStringLiteral("/") : result;
}

Result<PythonValue> PrefectPipeline::interpolate(const QString &text, const PrefectEnvironment &world)
{
    if (text.isEmpty())
        return PythonValue::str(text);
    QString current = text;
    for (int counter = 0; counter < MaxRounds; ++counter) {
        const QString next = expandUser(expandVars(current, world), world);
        if (next == current) {
            // Prefect types the text here only when more than one round changed it.
            if (counter > 1)
                return stringToType(next);
            return PythonValue::str(next);
        }
        current = next;
    }
    return PythonValue::none();
}

Result<PythonValue> PrefectPipeline::stringToType(const QString &text)
{
    const QString upper = text.toUpper();
    if (upper == QLatin1String("TRUE"))
        return PythonValue::boolean(true);
    if (upper == QLatin1String("FALSE"))
        return PythonValue::boolean(false);
    const auto evaluation = PythonLiteral::literalEval(text);
    switch (evaluation.outcome) {
    case PythonLiteral::Outcome::Value:
        return evaluation.value;
    case PythonLiteral::Outcome::Unsupported:
        return notModelled(QStringLiteral("a Python literal construct"));
    case PythonLiteral::Outcome::Rejected:
        break;
    }
    return PythonValue::str(text);
}

Result<PythonValue> PrefectPipeline::secondPass(const PythonValue &value, const PrefectEnvironment &world)
{
    if (!value.isStr())
        return value;
    auto interpolated = interpolate(value.text(), world);
    if (!interpolated || !interpolated.value().isStr())
        return interpolated;
    return stringToType(interpolated.value().text());
}

PythonValue PrefectPipeline::replaceReferences(const PythonValue &value, const PrefectEnvironment &world)
{
    PythonValue current = value;
    for (int round = 0; round < MaxRounds && current.isStr(); ++round) {
        const QString &s = current.text();
        // `\${(.[^${}]*)}`: "${", one character but a newline, then no "$", "{" or "}" up to "}".
        qsizetype start = -1;
        qsizetype close = -1;
        for (qsizetype at = s.indexOf(QLatin1String("${")); at >= 0;
             at = s.indexOf(QLatin1String("${"), at + 1)) {
            if (at + 2 >= s.size() || s.at(at + 2) == QLatin1Char('\n'))
                continue;
            qsizetype j = at + 3;
            while (j < s.size() && s.at(j) != QLatin1Char('$') && s.at(j) != QLatin1Char('{') &&
                   s.at(j) != QLatin1Char('}'))
                ++j;
            if (j < s.size() && s.at(j) == QLatin1Char('}')) {
                start = at;
                close = j;
                break;
            }
        }
        if (start < 0)
            break;
        const QString matched = s.mid(start, close - start + 1);
        const QStringList path = s.mid(start + 2, close - start - 2).split(QLatin1Char('.'));
        const PythonValue ref = world.configValue(path).value_or(PythonValue::str(QString()));
        if (s == matched) {
            current = ref;
        } else {
            QString replaced = s;
            replaced.replace(start, matched.size(), pythonStr(ref));
            current = PythonValue::str(replaced);
        }
    }
    return current;
}

PythonValue PrefectPipeline::secretGet(const PythonValue &context)
{
    if (context.isStr())
        return PythonJson::loads(context.text()).value_or(context);
    if (context.kind() == PythonValue::Kind::Bytes) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(context.bytesValue());
        if (!decoder.hasError() && !context.bytesValue().startsWith("\xEF\xBB\xBF"))
            return PythonJson::loads(text).value_or(context);
    }
    return context;
}

Result<PrefectReading> PrefectPipeline::loadEnvValue(const QByteArray &raw, const PrefectEnvironment &world)
{
    auto unescaped = unicodeEscapeDecode(raw);
    if (!unescaped)
        return unescaped.error();
    auto interpolated = interpolate(unescaped.value(), world);
    if (!interpolated)
        return interpolated.error();
    if (!interpolated.value().isStr()) // string_to_type calls .upper() on it
        return importFails(
            QStringLiteral("the value expands to a %1, not text").arg(interpolated.value().typeName()));
    auto typed = stringToType(interpolated.value().text());
    if (!typed)
        return typed.error();
    auto passed = secondPass(typed.value(), world);
    if (!passed)
        return passed.error();
    PrefectReading reading;
    reading.context = replaceReferences(passed.value(), world);
    reading.secretGet = secretGet(reading.context);
    return reading;
}

Result<PrefectReading> PrefectPipeline::loadTomlValue(const PythonValue &parsed,
                                                      const PrefectEnvironment &world)
{
    auto leaf = tomlLeafPass(parsed, world);
    if (!leaf)
        return leaf.error();
    if (!leaf.value()) {
        return Diagnostic::error(Failure::NotFound, QStringLiteral("PREFECT022"),
                                 QStringLiteral("an empty table vanishes when Prefect flattens config.toml"));
    }
    PrefectReading reading;
    reading.context = *leaf.value();
    reading.secretGet = secretGet(reading.context);
    return reading;
}

} // namespace secretdesk
