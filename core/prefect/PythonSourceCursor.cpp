#include "core/prefect/PythonSourceCursor.h"

#include <QStringView>

#include <algorithm>

namespace secretdesk {

void rejectLiteral()
{
    throw PythonLiteralStop{PythonLiteral::Outcome::Rejected};
}

void unsupportedLiteral()
{
    throw PythonLiteralStop{PythonLiteral::Outcome::Unsupported};
}

bool isPythonIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c.unicode() >= 0x80;
}

void PythonSourceCursor::enter()
{
    if (++m_depth >= MaxNesting)
        rejectLiteral();
}

void PythonSourceCursor::skip()
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
                rejectLiteral();
            m_pos += 2;
            if (atEnd())
                rejectLiteral(); // a line continuation at the end: unexpected EOF
        } else if (c == QLatin1Char('\n') && m_depth > 0) {
            ++m_pos;
        } else {
            return;
        }
    }
}

void PythonSourceCursor::skipLeadingBlankLines()
{
    // Content on a later (or continued) line must not be indented: an INDENT token is a syntax error.
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
                rejectLiteral();
            afterNewline = true;
            continue;
        }
        if (afterNewline && indented && !atEnd())
            rejectLiteral();
        return;
    }
}

void PythonSourceCursor::expectOnlyBlankLines()
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
                rejectLiteral();
            return;
        }
        if (peek() != QLatin1Char('\n'))
            rejectLiteral();
        ++m_pos;
    }
}

void PythonSourceCursor::expect(QChar c)
{
    skip();
    if (peek() != c)
        rejectLiteral();
    ++m_pos;
}

} // namespace secretdesk
