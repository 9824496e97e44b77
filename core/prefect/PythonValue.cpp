#include "core/prefect/PythonValue.h"

#include "core/prefect/PythonNumber.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace secretdesk {

namespace {

QString hex(uint value, int width)
{
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0'));
}

// Python's str.isprintable() for one code point.
bool isPrintable(char32_t ucs4)
{
    if (ucs4 == U' ')
        return true;
    switch (QChar::category(ucs4)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

QString strRepr(const QString &text)
{
    const QChar quote = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"'))
                            ? QLatin1Char('"')
                            : QLatin1Char('\'');
    QString out = quote;
    for (const char32_t c : text.toUcs4()) {
        if (c == quote.unicode() || c == U'\\')
            out += QLatin1Char('\\') + QChar(c);
        else if (c == U'\n')
            out += QStringLiteral("\\n");
        else if (c == U'\r')
            out += QStringLiteral("\\r");
        else if (c == U'\t')
            out += QStringLiteral("\\t");
        else if (isPrintable(c))
            out += QString::fromUcs4(&c, 1);
        else if (c < 0x100)
            out += QStringLiteral("\\x") + hex(c, 2);
        else if (c < 0x10000)
            out += QStringLiteral("\\u") + hex(c, 4);
        else
            out += QStringLiteral("\\U") + hex(c, 8);
    }
    return out + quote;
}

QString bytesRepr(const QByteArray &data)
{
    const char quote = data.contains('\'') && !data.contains('"') ? '"' : '\'';
    QString out = QStringLiteral("b") + QLatin1Char(quote);
    for (const char ch : data) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == quote || c == '\\')
            out += QString(QLatin1Char('\\')) + QLatin1Char(ch);
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (c < 0x20 || c >= 0x7f)
            out += QStringLiteral("\\x") + hex(c, 2);
        else
            out += QLatin1Char(ch);
    }
    return out + QLatin1Char(quote);
}

// json.dumps(text, ensure_ascii=True) over UTF-16 units (non-BMP characters become surrogate pairs).
QString jsonAscii(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        default:
            if (c < 0x20 || c >= 0x7f)
                out += QStringLiteral("\\u") + hex(c, 4);
            else
                out += ch;
        }
    }
    return out + QLatin1Char('"');
}

QString joined(const std::vector<PythonValue> &items, QString (PythonValue::*form)() const)
{
    QStringList parts;
    for (const auto &item : items)
        parts << (item.*form)();
    return parts.join(QStringLiteral(", "));
}

// A number as exact decimal text when it is integral, for cross-type equality.
std::optional<QString> integralText(const PythonValue &v)
{
    switch (v.kind()) {
    case PythonValue::Kind::Bool:
        return v.boolValue() ? QStringLiteral("1") : QStringLiteral("0");
    case PythonValue::Kind::Int:
        return v.text();
    case PythonValue::Kind::Float:
    case PythonValue::Kind::Complex:
        if (v.kind() == PythonValue::Kind::Complex && v.imag() != 0)
            return std::nullopt;
        if (std::isfinite(v.real()) && std::floor(v.real()) == v.real())
            return PythonNumber::integralFloatToDecimal(v.real());
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

Result<QString> toJsonText(const PythonValue &v)
{
    using Kind = PythonValue::Kind;
    const auto refuse = [&v] {
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("PREFECT010"),
            QStringLiteral("Prefect yields a %1 here, which has no JSON form").arg(v.typeName()));
    };
    switch (v.kind()) {
    case Kind::None:
        return QStringLiteral("null");
    case Kind::Bool:
        return v.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Int:
        return v.text();
    case Kind::Float:
        if (!std::isfinite(v.real()))
            return refuse();
        return PythonNumber::floatRepr(v.real());
    case Kind::Str:
        return jsonAscii(v.text());
    case Kind::List: {
        QStringList parts;
        for (const auto &item : v.items()) {
            auto text = toJsonText(item);
            if (!text)
                return text.error();
            parts << text.value();
        }
        return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case Kind::Dict: {
        QStringList parts;
        for (std::size_t i = 0; i + 1 < v.items().size(); i += 2) {
            if (!v.items()[i].isStr())
                return refuse();
            auto text = toJsonText(v.items()[i + 1]);
            if (!text)
                return text.error();
            parts << jsonAscii(v.items()[i].text()) + QLatin1Char(':') + text.value();
        }
        return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    default:
        return refuse();
    }
}

} // namespace

PythonValue PythonValue::boolean(bool value)
{
    PythonValue v(Kind::Bool);
    v.m_bool = value;
    return v;
}

PythonValue PythonValue::integer(const QString &decimal)
{
    PythonValue v(Kind::Int);
    v.m_text = decimal;
    return v;
}

PythonValue PythonValue::floating(double value)
{
    PythonValue v(Kind::Float);
    v.m_real = value;
    return v;
}

PythonValue PythonValue::complex(double real, double imag)
{
    PythonValue v(Kind::Complex);
    v.m_real = real;
    v.m_imag = imag;
    return v;
}

PythonValue PythonValue::str(const QString &text)
{
    PythonValue v(Kind::Str);
    v.m_text = text;
    return v;
}

PythonValue PythonValue::bytes(const QByteArray &data)
{
    PythonValue v(Kind::Bytes);
    v.m_bytes = data;
    return v;
}

PythonValue PythonValue::list(std::vector<PythonValue> items)
{
    PythonValue v(Kind::List);
    v.m_items = std::move(items);
    return v;
}

PythonValue PythonValue::tuple(std::vector<PythonValue> items)
{
    PythonValue v(Kind::Tuple);
    v.m_items = std::move(items);
    return v;
}

PythonValue PythonValue::set(std::vector<PythonValue> items)
{
    // Python keeps one of equal elements: the first one inserted.
    std::vector<PythonValue> unique;
    for (auto &item : items) {
        const bool seen = std::any_of(unique.begin(), unique.end(),
                                      [&item](const PythonValue &u) { return pythonEquals(u, item); });
        if (!seen)
            unique.push_back(std::move(item));
    }
    PythonValue v(Kind::Set);
    v.m_items = std::move(unique);
    return v;
}

PythonValue PythonValue::dict(std::vector<PythonValue> keysAndValues)
{
    // A repeated key keeps its first position and takes the last value, as in Python.
    std::vector<PythonValue> merged;
    for (std::size_t i = 0; i + 1 < keysAndValues.size(); i += 2) {
        bool replaced = false;
        for (std::size_t j = 0; j < merged.size(); j += 2) {
            if (pythonEquals(merged[j], keysAndValues[i])) {
                merged[j + 1] = std::move(keysAndValues[i + 1]);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            merged.push_back(std::move(keysAndValues[i]));
            merged.push_back(std::move(keysAndValues[i + 1]));
        }
    }
    PythonValue v(Kind::Dict);
    v.m_items = std::move(merged);
    return v;
}

bool PythonValue::isNumber() const
{
    return m_kind == Kind::Bool || m_kind == Kind::Int || m_kind == Kind::Float || m_kind == Kind::Complex;
}

QString PythonValue::typeName() const
{
    static const char *const names[] = {"NoneType", "ellipsis", "bool", "int",   "float", "complex",
                                        "str",      "bytes",    "list", "tuple", "set",   "dict"};
    return QLatin1String(names[int(m_kind)]);
}

QString PythonValue::toPythonRepr() const
{
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Ellipsis:
        return QStringLiteral("Ellipsis");
    case Kind::Bool:
        return m_bool ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Int:
        return m_text;
    case Kind::Float:
        return PythonNumber::floatRepr(m_real);
    case Kind::Complex:
        return PythonNumber::complexRepr(m_real, m_imag);
    case Kind::Str:
        return strRepr(m_text);
    case Kind::Bytes:
        return bytesRepr(m_bytes);
    case Kind::List:
        return QLatin1Char('[') + joined(m_items, &PythonValue::toPythonRepr) + QLatin1Char(']');
    case Kind::Tuple:
        return QLatin1Char('(') + joined(m_items, &PythonValue::toPythonRepr) +
               (m_items.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
    case Kind::Set:
        if (m_items.empty())
            return QStringLiteral("set()");
        return QLatin1Char('{') + joined(m_items, &PythonValue::toPythonRepr) + QLatin1Char('}');
    case Kind::Dict: {
        QStringList parts;
        for (std::size_t i = 0; i + 1 < m_items.size(); i += 2)
            parts << m_items[i].toPythonRepr() + QStringLiteral(": ") + m_items[i + 1].toPythonRepr();
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    }
    return {};
}

QString PythonValue::canonical() const
{
    const auto seq = [this](QChar tag, bool sorted) {
        QStringList parts;
        for (const auto &item : m_items)
            parts << item.canonical();
        if (sorted)
            parts.sort();
        return tag + QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    };
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("N");
    case Kind::Ellipsis:
        return QStringLiteral("E");
    case Kind::Bool:
        return m_bool ? QStringLiteral("b:True") : QStringLiteral("b:False");
    case Kind::Int:
        return QStringLiteral("i:") + m_text;
    case Kind::Float:
        return QStringLiteral("f:") + PythonNumber::floatRepr(m_real);
    case Kind::Complex:
        return QStringLiteral("c:") + PythonNumber::complexRepr(m_real, m_imag);
    case Kind::Str:
        return QStringLiteral("s:") + jsonAscii(m_text);
    case Kind::Bytes:
        return QStringLiteral("y:") + QString::fromLatin1(m_bytes.toHex());
    case Kind::List:
        return seq(QLatin1Char('l'), false);
    case Kind::Tuple:
        return seq(QLatin1Char('t'), false);
    case Kind::Set:
        return seq(QLatin1Char('S'), true);
    case Kind::Dict: {
        QStringList parts;
        for (std::size_t i = 0; i + 1 < m_items.size(); i += 2)
            parts << m_items[i].canonical() + QLatin1Char('=') + m_items[i + 1].canonical();
        parts.sort(); // dict equality ignores order, as in Python
        return QStringLiteral("d[") + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    }
    return {};
}

Result<SecretValue> PythonValue::toSecretValue() const
{
    if (m_kind == Kind::Str)
        return SecretValue::fromString(m_text);
    if (m_kind != Kind::Dict) {
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("PREFECT010"),
            QStringLiteral("Prefect yields a %1, not a string or an object").arg(typeName()));
    }
    auto text = toJsonText(*this);
    if (!text)
        return text.error();
    return SecretValue::fromJson(text.value().toUtf8());
}

bool PythonValue::pythonEquals(const PythonValue &a, const PythonValue &b)
{
    if (a.isNumber() && b.isNumber()) {
        const auto ai = integralText(a);
        const auto bi = integralText(b);
        if (ai && bi)
            return *ai == *bi;
        if (ai || bi) // an integral number never equals a non-integral one
            return false;
        const double aImag = a.kind() == Kind::Complex ? a.imag() : 0;
        const double bImag = b.kind() == Kind::Complex ? b.imag() : 0;
        return a.real() == b.real() && aImag == bImag;
    }
    if (a.kind() != b.kind())
        return false;
    switch (a.kind()) {
    case Kind::None:
    case Kind::Ellipsis:
        return true;
    case Kind::Str:
        return a.m_text == b.m_text;
    case Kind::Bytes:
        return a.m_bytes == b.m_bytes;
    case Kind::List:
    case Kind::Tuple:
        return a.m_items.size() == b.m_items.size() &&
               std::equal(a.m_items.begin(), a.m_items.end(), b.m_items.begin(), pythonEquals);
    case Kind::Set:
        return a.m_items.size() == b.m_items.size() &&
               std::all_of(a.m_items.begin(), a.m_items.end(), [&b](const PythonValue &x) {
                   return std::any_of(b.m_items.begin(), b.m_items.end(),
                                      [&x](const PythonValue &y) { return pythonEquals(x, y); });
               });
    case Kind::Dict: {
        if (a.m_items.size() != b.m_items.size())
            return false;
        for (std::size_t i = 0; i + 1 < a.m_items.size(); i += 2) {
            bool found = false;
            for (std::size_t j = 0; j + 1 < b.m_items.size() && !found; j += 2) {
                found = pythonEquals(a.m_items[i], b.m_items[j]) &&
                        pythonEquals(a.m_items[i + 1], b.m_items[j + 1]);
            }
            if (!found)
                return false;
        }
        return true;
    }
    default:
        return false;
    }
}

bool PythonValue::sameValue(const PythonValue &a, const PythonValue &b)
{
    if (a.m_kind != b.m_kind)
        return false;
    const auto sameDouble = [](double x, double y) {
        return (x == y && std::signbit(x) == std::signbit(y)) || (std::isnan(x) && std::isnan(y));
    };
    const auto findIn = [](const std::vector<PythonValue> &items, const PythonValue &x, std::size_t step) {
        for (std::size_t i = 0; i < items.size(); i += step) {
            if (sameValue(items[i], x))
                return std::optional<std::size_t>(i);
        }
        return std::optional<std::size_t>();
    };
    switch (a.m_kind) {
    case Kind::None:
    case Kind::Ellipsis:
        return true;
    case Kind::Bool:
        return a.m_bool == b.m_bool;
    case Kind::Int:
    case Kind::Str:
        return a.m_text == b.m_text;
    case Kind::Float:
        return sameDouble(a.m_real, b.m_real);
    case Kind::Complex:
        return sameDouble(a.m_real, b.m_real) && sameDouble(a.m_imag, b.m_imag);
    case Kind::Bytes:
        return a.m_bytes == b.m_bytes;
    case Kind::List:
    case Kind::Tuple:
        return a.m_items.size() == b.m_items.size() &&
               std::equal(a.m_items.begin(), a.m_items.end(), b.m_items.begin(), sameValue);
    case Kind::Set:
        return a.m_items.size() == b.m_items.size() &&
               std::all_of(a.m_items.begin(), a.m_items.end(),
                           [&](const PythonValue &x) { return findIn(b.m_items, x, 1).has_value(); });
    case Kind::Dict:
        if (a.m_items.size() != b.m_items.size())
            return false;
        for (std::size_t i = 0; i + 1 < a.m_items.size(); i += 2) {
            const auto at = findIn(b.m_items, a.m_items[i], 2);
            if (!at || !sameValue(a.m_items[i + 1], b.m_items[*at + 1]))
                return false;
        }
        return true;
    }
    return false;
}

bool PythonValue::isHashable() const
{
    if (m_kind == Kind::List || m_kind == Kind::Dict || m_kind == Kind::Set)
        return false;
    return std::all_of(m_items.begin(), m_items.end(), [](const PythonValue &v) { return v.isHashable(); });
}

} // namespace secretdesk
