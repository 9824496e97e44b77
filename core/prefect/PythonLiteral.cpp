#include "core/prefect/PythonLiteral.h"

#include "core/prefect/PythonEscapes.h"
#include "core/prefect/PythonNumber.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace secretdesk {

namespace {

// Thrown inside the parser only; literalEval catches it (nothing leaves this file).
struct Stop {
    PythonLiteral::Outcome outcome;
};

[[noreturn]] void reject()
{
    throw Stop{PythonLiteral::Outcome::Rejected};
}
[[noreturn]] void unsupported()
{
    throw Stop{PythonLiteral::Outcome::Unsupported};
}

// CPython's tokenizer limit on nested brackets.
constexpr int MaxNesting = 200;
// Python 3.11 refuses decimal int literals longer than this (sys.int_info.default_max_str_digits).
constexpr int MaxDecimalDigits = 4300;

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c.unicode() >= 0x80;
}

using PythonEscapes::hexValue;

// What an operand is in the AST, as far as literal_eval's number rules care.
struct Operand {
    PythonValue value;
    bool plainNumber = false;  // a Constant int/float/complex (maybe in parentheses)
    bool signedNumber = false; // plainNumber, or +/- applied to one
};

class Parser {
public:
    explicit Parser(QString source)
        : m_s(std::move(source))
    {}

    PythonValue parseAll()
    {
        skipLeadingBlankLines();
        if (atEnd())
            reject();
        Operand first = parseElement();
        skip();
        if (peek() == QLatin1Char(',')) { // a tuple without parentheses
            std::vector<PythonValue> items{first.value};
            while (peek() == QLatin1Char(',')) {
                ++m_pos;
                skip();
                if (atEnd() || peek() == QLatin1Char('\n'))
                    break;
                items.push_back(parseElement().value);
                skip();
            }
            first.value = PythonValue::tuple(std::move(items));
        }
        expectOnlyBlankLines();
        return first.value;
    }

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(int ahead = 0) const { return m_pos + ahead < m_s.size() ? m_s.at(m_pos + ahead) : QChar(); }

    // Spaces, comments, line continuations; newlines only inside brackets.
    void skip()
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f')) {
                ++m_pos;
            } else if (c == QLatin1Char('#')) {
                while (!atEnd() && peek() != QLatin1Char('\n'))
                    ++m_pos;
            } else if (c == QLatin1Char('\\')) {
                if (peek(1) != QLatin1Char('\n'))
                    reject();
                m_pos += 2;
                if (atEnd())
                    reject(); // a line continuation at the end: unexpected EOF
            } else if (c == QLatin1Char('\n') && m_depth > 0) {
                ++m_pos;
            } else {
                return;
            }
        }
    }

    void skipLeadingBlankLines()
    {
        // Blank lines, comments and line continuations before the expression; content on a later
        // (or continued) line must not be indented: an INDENT token is a syntax error.
        bool afterNewline = false;
        while (true) {
            bool indented = false;
            while (peek() == QLatin1Char(' ') || peek() == QLatin1Char('\t') || peek() == QLatin1Char('\f')) {
                indented = indented || peek() != QLatin1Char('\f');
                ++m_pos;
            }
            if (peek() == QLatin1Char('#')) {
                while (!atEnd() && peek() != QLatin1Char('\n'))
                    ++m_pos;
            }
            if (peek() == QLatin1Char('\n')) {
                ++m_pos;
                afterNewline = true;
                continue;
            }
            if (peek() == QLatin1Char('\\') && peek(1) == QLatin1Char('\n')) {
                m_pos += 2;
                if (atEnd())
                    reject();
                afterNewline = true;
                continue;
            }
            if (afterNewline && indented && !atEnd())
                reject();
            return;
        }
    }

    void expectOnlyBlankLines()
    {
        while (!atEnd()) {
            const qsizetype lineStart = m_pos;
            skip();
            if (atEnd()) {
                // A last line of only spaces or tabs, without a newline, is an "unexpected indent".
                const bool newLine = lineStart > 0 && m_s.at(lineStart - 1) == QLatin1Char('\n');
                const QStringView blanks = QStringView(m_s).mid(lineStart, m_pos - lineStart);
                if (newLine && !blanks.isEmpty() && std::all_of(blanks.begin(), blanks.end(), [](QChar c) {
                        return c == QLatin1Char(' ') || c == QLatin1Char('\t');
                    }))
                    reject();
                return;
            }
            if (peek() != QLatin1Char('\n'))
                reject();
            ++m_pos;
        }
    }

    void expect(QChar c)
    {
        skip();
        if (peek() != c)
            reject();
        ++m_pos;
    }

    // literal_eval's element: a signed operand, or `signed-real +/- imaginary`.
    Operand parseElement()
    {
        Operand left = parseSigned();
        skip();
        const QChar op = peek();
        if (op != QLatin1Char('+') && op != QLatin1Char('-'))
            return left;
        ++m_pos;
        Operand right = parseSigned();
        const auto leftKind = left.value.kind();
        if (!left.signedNumber || leftKind == PythonValue::Kind::Complex || !right.plainNumber ||
            right.value.kind() != PythonValue::Kind::Complex) {
            reject();
        }
        double real = 0;
        if (leftKind == PythonValue::Kind::Int) {
            const auto converted = PythonNumber::intToFloat(left.value.text());
            if (!converted)
                reject(); // OverflowError
            real = *converted;
        } else {
            real = left.value.real();
        }
        const bool add = op == QLatin1Char('+');
        const double r = add ? real + right.value.real() : real - right.value.real();
        const double i = add ? 0.0 + right.value.imag() : 0.0 - right.value.imag();
        skip();
        if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
            reject(); // a BinOp on the left is not a number
        return Operand{PythonValue::complex(r, i), false, false};
    }

    Operand parseSigned()
    {
        skip();
        const QChar c = peek();
        if (c != QLatin1Char('+') && c != QLatin1Char('-'))
            return parsePrimary();
        ++m_pos;
        Operand operand = parsePrimary();
        if (!operand.plainNumber)
            reject();
        if (c == QLatin1Char('-')) {
            const PythonValue &v = operand.value;
            switch (v.kind()) {
            case PythonValue::Kind::Int:
                operand.value = PythonValue::integer(PythonNumber::negateDecimal(v.text()));
                break;
            case PythonValue::Kind::Float:
                operand.value = PythonValue::floating(-v.real());
                break;
            default:
                operand.value = PythonValue::complex(-v.real(), -v.imag());
                break;
            }
        }
        return Operand{operand.value, false, true};
    }

    // An atom, refusing any trailer (call, subscript, attribute): none of them is a literal.
    Operand parsePrimary()
    {
        Operand atom = parseAtom();
        skip();
        const QChar c = peek();
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('.'))
            reject();
        return atom;
    }

    Operand parseAtom()
    {
        skip();
        if (atEnd())
            reject();
        const QChar c = peek();
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
            return parseBracket(c);
        if (c.isDigit() || (c == QLatin1Char('.') && peek(1).isDigit()))
            return Operand{parseNumber(), true, true};
        if (c == QLatin1Char('.') && peek(1) == QLatin1Char('.') && peek(2) == QLatin1Char('.')) {
            m_pos += 3;
            return Operand{PythonValue::ellipsis()};
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || isIdentChar(c))
            return parseWordOrStrings();
        reject();
    }

    void enter()
    {
        if (++m_depth >= MaxNesting)
            reject();
    }

    Operand parseBracket(QChar open)
    {
        ++m_pos;
        enter();
        const QChar close = open == QLatin1Char('(')   ? QLatin1Char(')')
                            : open == QLatin1Char('[') ? QLatin1Char(']')
                                                       : QLatin1Char('}');
        std::vector<PythonValue> items;
        bool isDict = false;
        skip();
        while (peek() != close) {
            Operand element = parseElement();
            if (open == QLatin1Char('{')) {
                skip();
                const bool colon = peek() == QLatin1Char(':');
                if (items.empty())
                    isDict = colon;
                if (colon != isDict)
                    reject();
                if (!element.value.isHashable())
                    reject(); // TypeError: unhashable type
                items.push_back(element.value);
                if (isDict) {
                    ++m_pos;
                    items.push_back(parseElement().value);
                }
            } else {
                if (open == QLatin1Char('(') && items.empty()) {
                    skip();
                    if (peek() == close) { // parentheses around one element: no node of their own
                        ++m_pos;
                        --m_depth;
                        return element;
                    }
                }
                items.push_back(element.value);
            }
            skip();
            if (peek() == close)
                break;
            if (peek() != QLatin1Char(','))
                reject();
            ++m_pos;
            skip();
        }
        ++m_pos;
        --m_depth;
        if (open == QLatin1Char('('))
            return Operand{PythonValue::tuple(std::move(items))};
        if (open == QLatin1Char('['))
            return Operand{PythonValue::list(std::move(items))};
        if (isDict || items.empty())
            return Operand{PythonValue::dict(std::move(items))};
        return Operand{PythonValue::set(std::move(items))};
    }

    QString readDigits(int base, bool underscoreFirst)
    {
        QString digits;
        while (true) {
            qsizetype at = m_pos;
            if (peek() == QLatin1Char('_') && (underscoreFirst || !digits.isEmpty()))
                ++at;
            const QChar c = at < m_s.size() ? m_s.at(at) : QChar();
            const int v = hexValue(c);
            if (v < 0 || v >= base)
                break;
            digits += c;
            m_pos = at + 1;
        }
        return digits;
    }

    PythonValue parseNumber()
    {
        const QChar lower = peek(1).toLower();
        if (peek() == QLatin1Char('0') &&
            (lower == QLatin1Char('x') || lower == QLatin1Char('o') || lower == QLatin1Char('b'))) {
            m_pos += 2;
            const int base = lower == QLatin1Char('x') ? 16 : lower == QLatin1Char('o') ? 8 : 2;
            const QString digits = readDigits(base, true);
            if (digits.isEmpty() || isIdentChar(peek()))
                reject();
            return PythonValue::integer(PythonNumber::toDecimal(digits, base));
        }
        QString text = readDigits(10, false);
        bool isFloat = false;
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            isFloat = true;
            text += QLatin1Char('.') + readDigits(10, false);
        }
        if (peek().toLower() == QLatin1Char('e')) {
            qsizetype save = m_pos++;
            QString exponent = QStringLiteral("e");
            if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                exponent += m_s.at(m_pos++);
            const QString digits = readDigits(10, false);
            if (digits.isEmpty()) {
                m_pos = save;
                reject();
            }
            text += exponent + digits;
            isFloat = true;
        }
        if (peek().toLower() == QLatin1Char('j')) {
            ++m_pos;
            if (isIdentChar(peek()))
                reject();
            return PythonValue::complex(0.0, PythonNumber::parseFloat(text));
        }
        if (isIdentChar(peek()))
            reject();
        if (isFloat)
            return PythonValue::floating(PythonNumber::parseFloat(text));
        if (text.startsWith(QLatin1Char('0'))) {
            for (const QChar d : text) {
                if (d != QLatin1Char('0'))
                    reject(); // leading zeros in a decimal integer literal
            }
            return PythonValue::integer(QStringLiteral("0"));
        }
        if (text.size() > MaxDecimalDigits)
            reject();
        return PythonValue::integer(text);
    }

    Operand parseWordOrStrings()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isIdentChar(peek()))
            ++m_pos;
        const QString word = m_s.mid(start, m_pos - start);
        if (peek() != QLatin1Char('\'') && peek() != QLatin1Char('"')) {
            if (word == QLatin1String("True"))
                return Operand{PythonValue::boolean(true)};
            if (word == QLatin1String("False"))
                return Operand{PythonValue::boolean(false)};
            if (word == QLatin1String("None"))
                return Operand{PythonValue::none()};
            if (word == QLatin1String("set")) {
                skip();
                if (peek() != QLatin1Char('('))
                    reject();
                ++m_pos;
                enter();
                expect(QLatin1Char(')'));
                --m_depth;
                return Operand{PythonValue::set({})};
            }
            reject();
        }
        m_pos = start;
        return parseStrings();
    }

    // One or more adjacent string literals, concatenated.
    Operand parseStrings()
    {
        QString text;
        QByteArray bytes;
        std::optional<bool> isBytes;
        while (true) {
            skip();
            const qsizetype start = m_pos;
            while (!atEnd() && isIdentChar(peek()) && m_pos - start < 3)
                ++m_pos;
            if (peek() != QLatin1Char('\'') && peek() != QLatin1Char('"')) {
                m_pos = start;
                break;
            }
            const QString prefix = m_s.mid(start, m_pos - start).toLower();
            static const QStringList valid = {
                QString(),           QStringLiteral("r"),  QStringLiteral("u"),
                QStringLiteral("b"), QStringLiteral("br"), QStringLiteral("rb")};
            if (!valid.contains(prefix))
                reject(); // f-strings are JoinedStr nodes; other prefixes are names
            const bool raw = prefix.contains(QLatin1Char('r'));
            const bool b = prefix.contains(QLatin1Char('b'));
            if (isBytes && *isBytes != b)
                reject(); // cannot mix bytes and nonbytes literals
            isBytes = b;
            const QString body = readStringBody();
            if (b) {
                for (const QChar c : body) {
                    if (c.unicode() >= 0x80)
                        reject();
                }
                bytes += raw ? body.toLatin1() : unescape(body, true).toLatin1();
            } else {
                text += raw ? body : unescape(body, false);
            }
        }
        return Operand{*isBytes ? PythonValue::bytes(bytes) : PythonValue::str(text)};
    }

    static QString unescape(const QString &body, bool bytes)
    {
        const PythonEscapes::Decoded decoded = PythonEscapes::decode(body, bytes);
        if (decoded.status == PythonEscapes::Status::Invalid)
            reject();
        if (decoded.status == PythonEscapes::Status::Unsupported)
            unsupported();
        return decoded.text;
    }

    QString readStringBody()
    {
        const QChar quote = peek();
        const bool triple = peek(1) == quote && peek(2) == quote;
        m_pos += triple ? 3 : 1;
        const qsizetype start = m_pos;
        while (true) {
            if (atEnd())
                reject();
            const QChar c = peek();
            if (c == QLatin1Char('\\')) {
                if (m_pos + 1 >= m_s.size())
                    reject();
                m_pos += 2;
                continue;
            }
            if (c == QLatin1Char('\n') && !triple)
                reject();
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                const QString body = m_s.mid(start, m_pos - start);
                m_pos += triple ? 3 : 1;
                return body;
            }
            ++m_pos;
        }
    }

    QString m_s;
    qsizetype m_pos = 0;
    int m_depth = 0;
};

// A cheap early answer for most texts (a plain token, a path, a URL) so that they skip the parser
// and its exception: a literal starts with a digit, a sign, a quote, a bracket, a dot, a blank or
// comment line, or one of the few words literal_eval knows (or a string prefix before a quote).
bool cannotStartLiteral(const QString &source)
{
    if (source.isEmpty())
        return true;
    const QChar first = source.at(0);
    if (!isIdentChar(first) || first.isDigit())
        return QStringView(u"!$%&*/:;<=>?@^`|~,)]}").contains(first);
    qsizetype end = 0;
    while (end < source.size() && isIdentChar(source.at(end)))
        ++end;
    const QStringView word = QStringView(source).left(end);
    if (end < source.size() && (source.at(end) == QLatin1Char('\'') || source.at(end) == QLatin1Char('"')))
        return end > 2;
    return word != QLatin1String("True") && word != QLatin1String("False") && word != QLatin1String("None") &&
           word != QLatin1String("set");
}

} // namespace

PythonLiteral::Evaluation PythonLiteral::literalEval(const QString &text)
{
    if (text.contains(QChar(0)))
        return {Outcome::Rejected, {}}; // "source code string cannot contain null bytes"
    qsizetype start = 0;
    while (start < text.size() && (text.at(start) == QLatin1Char(' ') || text.at(start) == QLatin1Char('\t')))
        ++start;
    // The tokenizer reads \r\n and \r as \n, also inside string literals.
    QString source = text.mid(start);
    source.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    source.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (cannotStartLiteral(source))
        return {Outcome::Rejected, {}};
    try {
        Parser parser(source);
        return {Outcome::Value, parser.parseAll()};
    } catch (const Stop &stop) {
        return {stop.outcome, {}};
    }
}

} // namespace secretdesk
