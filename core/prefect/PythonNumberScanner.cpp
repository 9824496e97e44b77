#include "core/prefect/PythonNumberScanner.h"

#include "core/prefect/PythonEscapes.h"
#include "core/prefect/PythonNumber.h"

namespace secretdesk {

QString PythonNumberScanner::readDigits(PythonSourceCursor &cursor, int base, bool underscoreFirst)
{
    const QString &s = cursor.source();
    QString digits;
    while (true) {
        qsizetype at = cursor.position();
        if (cursor.peek() == QLatin1Char('_') && (underscoreFirst || !digits.isEmpty()))
            ++at;
        const QChar c = at < s.size() ? s.at(at) : QChar();
        const int v = PythonEscapes::hexValue(c);
        if (v < 0 || v >= base)
            break;
        digits += c;
        cursor.setPosition(at + 1);
    }
    return digits;
}

PythonValue PythonNumberScanner::scan(PythonSourceCursor &cursor)
{
    const QChar lower = cursor.peek(1).toLower();
    if (cursor.peek() == QLatin1Char('0') &&
        (lower == QLatin1Char('x') || lower == QLatin1Char('o') || lower == QLatin1Char('b'))) {
        cursor.advance(2);
        const int base = lower == QLatin1Char('x') ? 16 : lower == QLatin1Char('o') ? 8 : 2;
        const QString digits = readDigits(cursor, base, true);
        if (digits.isEmpty() || isPythonIdentChar(cursor.peek()))
            rejectLiteral();
        return PythonValue::integer(PythonNumber::toDecimal(digits, base));
    }
    QString text = readDigits(cursor, 10, false);
    bool isFloat = false;
    if (cursor.peek() == QLatin1Char('.')) {
        cursor.advance();
        isFloat = true;
        text += QLatin1Char('.') + readDigits(cursor, 10, false);
    }
    if (cursor.peek().toLower() == QLatin1Char('e')) {
        const qsizetype save = cursor.position();
        cursor.advance();
        QString exponent = QStringLiteral("e");
        if (cursor.peek() == QLatin1Char('+') || cursor.peek() == QLatin1Char('-')) {
            exponent += cursor.peek();
            cursor.advance();
        }
        const QString digits = readDigits(cursor, 10, false);
        if (digits.isEmpty()) {
            cursor.setPosition(save);
            rejectLiteral();
        }
        text += exponent + digits;
        isFloat = true;
    }
    if (cursor.peek().toLower() == QLatin1Char('j')) {
        cursor.advance();
        if (isPythonIdentChar(cursor.peek()))
            rejectLiteral();
        return PythonValue::complex(0.0, PythonNumber::parseFloat(text));
    }
    if (isPythonIdentChar(cursor.peek()))
        rejectLiteral();
    if (isFloat)
        return PythonValue::floating(PythonNumber::parseFloat(text));
    if (text.startsWith(QLatin1Char('0'))) {
        for (const QChar d : text) {
            if (d != QLatin1Char('0'))
                rejectLiteral(); // leading zeros in a decimal integer literal
        }
        return PythonValue::integer(QStringLiteral("0"));
    }
    if (text.size() > MaxDecimalDigits)
        rejectLiteral();
    return PythonValue::integer(text);
}

} // namespace secretdesk
