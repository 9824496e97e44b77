#include "core/prefect/PythonLiteralParser.h"

#include "core/prefect/PythonNumber.h"
#include "core/prefect/PythonNumberScanner.h"
#include "core/prefect/PythonStringScanner.h"

namespace secretdesk {

PythonValue PythonLiteralParser::parseAll()
{
    m_cursor.skipLeadingBlankLines();
    if (m_cursor.atEnd())
        rejectLiteral();
    Operand first = parseElement();
    m_cursor.skip();
    if (m_cursor.peek() == QLatin1Char(',')) { // a tuple without parentheses
        std::vector<PythonValue> items{first.value};
        while (m_cursor.peek() == QLatin1Char(',')) {
            m_cursor.advance();
            m_cursor.skip();
            if (m_cursor.atEnd() || m_cursor.peek() == QLatin1Char('\n'))
                break;
            items.push_back(parseElement().value);
            m_cursor.skip();
        }
        first.value = PythonValue::tuple(std::move(items));
    }
    m_cursor.expectOnlyBlankLines();
    return first.value;
}

// literal_eval's element: a signed operand, or `signed-real +/- imaginary`.
PythonLiteralParser::Operand PythonLiteralParser::parseElement()
{
    Operand left = parseSigned();
    m_cursor.skip();
    const QChar op = m_cursor.peek();
    if (op != QLatin1Char('+') && op != QLatin1Char('-'))
        return left;
    m_cursor.advance();
    Operand right = parseSigned();
    const auto leftKind = left.value.kind();
    if (!left.signedNumber || leftKind == PythonValue::Kind::Complex || !right.plainNumber ||
        right.value.kind() != PythonValue::Kind::Complex) {
        rejectLiteral();
    }
    double real = 0;
    if (leftKind == PythonValue::Kind::Int) {
        const auto converted = PythonNumber::intToFloat(left.value.text());
        if (!converted)
            rejectLiteral(); // OverflowError
        real = *converted;
    } else {
        real = left.value.real();
    }
    const bool add = op == QLatin1Char('+');
    const double r = add ? real + right.value.real() : real - right.value.real();
    const double i = add ? 0.0 + right.value.imag() : 0.0 - right.value.imag();
    m_cursor.skip();
    if (m_cursor.peek() == QLatin1Char('+') || m_cursor.peek() == QLatin1Char('-'))
        rejectLiteral(); // a BinOp on the left is not a number
    return Operand{PythonValue::complex(r, i), false, false};
}

PythonLiteralParser::Operand PythonLiteralParser::parseSigned()
{
    m_cursor.skip();
    const QChar c = m_cursor.peek();
    if (c != QLatin1Char('+') && c != QLatin1Char('-'))
        return parsePrimary();
    m_cursor.advance();
    Operand operand = parsePrimary();
    if (!operand.plainNumber)
        rejectLiteral();
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
PythonLiteralParser::Operand PythonLiteralParser::parsePrimary()
{
    Operand atom = parseAtom();
    m_cursor.skip();
    const QChar c = m_cursor.peek();
    if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('.'))
        rejectLiteral();
    return atom;
}

PythonLiteralParser::Operand PythonLiteralParser::parseAtom()
{
    m_cursor.skip();
    if (m_cursor.atEnd())
        rejectLiteral();
    const QChar c = m_cursor.peek();
    if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
        return parseBracket(c);
    if (c.isDigit() || (c == QLatin1Char('.') && m_cursor.peek(1).isDigit()))
        return Operand{PythonNumberScanner::scan(m_cursor), true, true};
    if (c == QLatin1Char('.') && m_cursor.peek(1) == QLatin1Char('.') &&
        m_cursor.peek(2) == QLatin1Char('.')) {
        m_cursor.advance(3);
        return Operand{PythonValue::ellipsis()};
    }
    if (c == QLatin1Char('\'') || c == QLatin1Char('"') || isPythonIdentChar(c))
        return parseWordOrStrings();
    rejectLiteral();
}

PythonLiteralParser::Operand PythonLiteralParser::parseBracket(QChar open)
{
    m_cursor.advance();
    m_cursor.enter();
    const QChar close = open == QLatin1Char('(')   ? QLatin1Char(')')
                        : open == QLatin1Char('[') ? QLatin1Char(']')
                                                   : QLatin1Char('}');
    std::vector<PythonValue> items;
    bool isDict = false;
    m_cursor.skip();
    while (m_cursor.peek() != close) {
        Operand element = parseElement();
        if (open == QLatin1Char('{')) {
            m_cursor.skip();
            const bool colon = m_cursor.peek() == QLatin1Char(':');
            if (items.empty())
                isDict = colon;
            if (colon != isDict)
                rejectLiteral();
            if (!element.value.isHashable())
                rejectLiteral(); // TypeError: unhashable type
            items.push_back(element.value);
            if (isDict) {
                m_cursor.advance();
                items.push_back(parseElement().value);
            }
        } else {
            if (open == QLatin1Char('(') && items.empty()) {
                m_cursor.skip();
                if (m_cursor.peek() == close) { // parentheses around one element: no node of their own
                    m_cursor.advance();
                    m_cursor.leave();
                    return element;
                }
            }
            items.push_back(element.value);
        }
        m_cursor.skip();
        if (m_cursor.peek() == close)
            break;
        if (m_cursor.peek() != QLatin1Char(','))
            rejectLiteral();
        m_cursor.advance();
        m_cursor.skip();
    }
    m_cursor.advance();
    m_cursor.leave();
    if (open == QLatin1Char('('))
        return Operand{PythonValue::tuple(std::move(items))};
    if (open == QLatin1Char('['))
        return Operand{PythonValue::list(std::move(items))};
    if (isDict || items.empty())
        return Operand{PythonValue::dict(std::move(items))};
    return Operand{PythonValue::set(std::move(items))};
}

PythonLiteralParser::Operand PythonLiteralParser::parseWordOrStrings()
{
    const qsizetype start = m_cursor.position();
    while (!m_cursor.atEnd() && isPythonIdentChar(m_cursor.peek()))
        m_cursor.advance();
    const QString word = m_cursor.source().mid(start, m_cursor.position() - start);
    if (m_cursor.peek() != QLatin1Char('\'') && m_cursor.peek() != QLatin1Char('"')) {
        if (word == QLatin1String("True"))
            return Operand{PythonValue::boolean(true)};
        if (word == QLatin1String("False"))
            return Operand{PythonValue::boolean(false)};
        if (word == QLatin1String("None"))
            return Operand{PythonValue::none()};
        if (word == QLatin1String("set")) {
            m_cursor.skip();
            if (m_cursor.peek() != QLatin1Char('('))
                rejectLiteral();
            m_cursor.advance();
            m_cursor.enter();
            m_cursor.expect(QLatin1Char(')'));
            m_cursor.leave();
            return Operand{PythonValue::set({})};
        }
        rejectLiteral();
    }
    m_cursor.setPosition(start);
    return Operand{PythonStringScanner::scan(m_cursor)};
}

} // namespace secretdesk
