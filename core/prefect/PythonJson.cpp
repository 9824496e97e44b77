#include "core/prefect/PythonJson.h"

#include "core/prefect/PythonNumber.h"

#include <cmath>

namespace secretdesk {

namespace {

class JsonReader {
public:
    explicit JsonReader(const QString &text)
        : m_s(text)
    {}

    std::optional<PythonValue> document()
    {
        skipSpace();
        auto value = parseValue(0);
        if (!value)
            return std::nullopt;
        skipSpace();
        if (m_pos != m_s.size())
            return std::nullopt; // "Extra data"
        return value;
    }

private:
    QChar peek() const { return m_pos < m_s.size() ? m_s.at(m_pos) : QChar(); }
    bool take(QLatin1String word)
    {
        if (QStringView(m_s).mid(m_pos).startsWith(word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }
    void skipSpace()
    {
        while (m_pos < m_s.size()) {
            const char16_t c = m_s.at(m_pos).unicode();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    std::optional<PythonValue> parseValue(int depth)
    {
        if (depth > 900) // Python raises RecursionError long before memory runs out
            return std::nullopt;
        const QChar c = peek();
        if (c == QLatin1Char('{'))
            return parseObject(depth);
        if (c == QLatin1Char('['))
            return parseArray(depth);
        if (c == QLatin1Char('"')) {
            auto text = parseString();
            if (!text)
                return std::nullopt;
            return PythonValue::str(*text);
        }
        if (take(QLatin1String("null")))
            return PythonValue::none();
        if (take(QLatin1String("true")))
            return PythonValue::boolean(true);
        if (take(QLatin1String("false")))
            return PythonValue::boolean(false);
        if (take(QLatin1String("NaN")))
            return PythonValue::floating(std::nan(""));
        if (take(QLatin1String("Infinity")))
            return PythonValue::floating(HUGE_VAL);
        if (take(QLatin1String("-Infinity")))
            return PythonValue::floating(-HUGE_VAL);
        return parseNumber();
    }

    std::optional<PythonValue> parseNumber()
    {
        const qsizetype start = m_pos;
        const auto digits = [this] {
            const qsizetype from = m_pos;
            while (m_pos < m_s.size() && m_s.at(m_pos) >= QLatin1Char('0') &&
                   m_s.at(m_pos) <= QLatin1Char('9'))
                ++m_pos;
            return m_pos - from;
        };
        if (peek() == QLatin1Char('-'))
            ++m_pos;
        if (peek() == QLatin1Char('0'))
            ++m_pos;
        else if (digits() == 0)
            return std::nullopt;
        bool isFloat = false;
        const qsizetype intEnd = m_pos;
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            if (digits() == 0) {
                m_pos = intEnd; // "1." is the int 1 followed by extra data
            } else {
                isFloat = true;
            }
        }
        const qsizetype beforeExponent = m_pos;
        if (peek() == QLatin1Char('e') || peek() == QLatin1Char('E')) {
            ++m_pos;
            if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                ++m_pos;
            if (digits() == 0)
                m_pos = beforeExponent;
            else
                isFloat = true;
        }
        const QString text = m_s.mid(start, m_pos - start);
        if (isFloat) {
            const bool negative = text.startsWith(QLatin1Char('-'));
            const double v = PythonNumber::parseFloat(negative ? text.mid(1) : text);
            return PythonValue::floating(negative ? -v : v);
        }
        QString decimal = text;
        const bool negative = decimal.startsWith(QLatin1Char('-'));
        if (negative)
            decimal.remove(0, 1);
        return PythonValue::integer(negative ? PythonNumber::negateDecimal(decimal) : decimal);
    }

    std::optional<QString> parseString()
    {
        ++m_pos; // opening quote
        QString out;
        while (true) {
            if (m_pos >= m_s.size())
                return std::nullopt;
            const QChar c = m_s.at(m_pos++);
            if (c == QLatin1Char('"'))
                return out;
            if (c.unicode() < 0x20)
                return std::nullopt; // strict: control characters must be escaped
            if (c != QLatin1Char('\\')) {
                out += c;
                continue;
            }
            if (m_pos >= m_s.size())
                return std::nullopt;
            const QChar e = m_s.at(m_pos++);
            switch (e.unicode()) {
            case '"':
                out += QLatin1Char('"');
                break;
            case '\\':
                out += QLatin1Char('\\');
                break;
            case '/':
                out += QLatin1Char('/');
                break;
            case 'b':
                out += QChar(8);
                break;
            case 'f':
                out += QChar(12);
                break;
            case 'n':
                out += QChar(10);
                break;
            case 'r':
                out += QChar(13);
                break;
            case 't':
                out += QChar(9);
                break;
            case 'u': {
                if (m_pos + 4 > m_s.size())
                    return std::nullopt;
                bool ok = false;
                const uint unit = QStringView(m_s).mid(m_pos, 4).toUInt(&ok, 16);
                if (!ok || QStringView(m_s).mid(m_pos, 4).contains(QLatin1Char('+')) ||
                    QStringView(m_s).mid(m_pos, 4).contains(QLatin1Char('-')) ||
                    QStringView(m_s).mid(m_pos, 4).contains(QLatin1Char(' ')))
                    return std::nullopt;
                m_pos += 4;
                out += QChar(char16_t(unit)); // pairs join in UTF-16; lone halves stay
                break;
            }
            default:
                return std::nullopt;
            }
        }
    }

    std::optional<PythonValue> parseArray(int depth)
    {
        ++m_pos;
        std::vector<PythonValue> items;
        skipSpace();
        if (peek() == QLatin1Char(']')) {
            ++m_pos;
            return PythonValue::list({});
        }
        while (true) {
            skipSpace();
            auto item = parseValue(depth + 1);
            if (!item)
                return std::nullopt;
            items.push_back(std::move(*item));
            skipSpace();
            if (peek() == QLatin1Char(']')) {
                ++m_pos;
                return PythonValue::list(std::move(items));
            }
            if (peek() != QLatin1Char(','))
                return std::nullopt;
            ++m_pos;
        }
    }

    std::optional<PythonValue> parseObject(int depth)
    {
        ++m_pos;
        std::vector<PythonValue> items;
        skipSpace();
        if (peek() == QLatin1Char('}')) {
            ++m_pos;
            return PythonValue::dict({});
        }
        while (true) {
            skipSpace();
            if (peek() != QLatin1Char('"'))
                return std::nullopt;
            auto key = parseString();
            if (!key)
                return std::nullopt;
            skipSpace();
            if (peek() != QLatin1Char(':'))
                return std::nullopt;
            ++m_pos;
            skipSpace();
            auto value = parseValue(depth + 1);
            if (!value)
                return std::nullopt;
            items.push_back(PythonValue::str(*key));
            items.push_back(std::move(*value));
            skipSpace();
            if (peek() == QLatin1Char('}')) {
                ++m_pos;
                return PythonValue::dict(std::move(items));
            }
            if (peek() != QLatin1Char(','))
                return std::nullopt;
            ++m_pos;
        }
    }

    const QString &m_s;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<PythonValue> PythonJson::loads(const QString &text)
{
    return JsonReader(text).document();
}

} // namespace secretdesk
