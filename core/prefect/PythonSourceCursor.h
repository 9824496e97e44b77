#pragma once

#include "core/prefect/PythonLiteral.h"

#include <QString>

namespace secretdesk {

// How the literal parser stops early: thrown by its parts, caught by PythonLiteral::literalEval only
// (no exception leaves the module).
struct PythonLiteralStop {
    PythonLiteral::Outcome outcome;
};
[[noreturn]] void rejectLiteral();
[[noreturn]] void unsupportedLiteral();

// A letter, digit, underscore or any non-ASCII character: what Python names are made of, as far as
// telling a literal from a name goes.
bool isPythonIdentChar(QChar c);

// The read position in a Python expression's source and the tokenizer's rules for what lies between
// tokens: blanks, comments, line continuations, and newlines only inside brackets.
class PythonSourceCursor {
public:
    // CPython's tokenizer limit on nested brackets: deeper sources are rejected, so the parser's
    // recursion is bounded whatever the input.
    static constexpr int MaxNesting = 200;

    explicit PythonSourceCursor(QString source)
        : m_s(std::move(source))
    {}

    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(int ahead = 0) const { return m_pos + ahead < m_s.size() ? m_s.at(m_pos + ahead) : QChar(); }
    qsizetype position() const { return m_pos; }
    void setPosition(qsizetype pos) { m_pos = pos; }
    void advance(qsizetype count = 1) { m_pos += count; }
    const QString &source() const { return m_s; }

    // One more bracket level (rejecting beyond MaxNesting), and back.
    void enter();
    void leave() { --m_depth; }

    // Spaces, comments, line continuations; newlines only inside brackets.
    void skip();
    // Blank lines, comments and line continuations before the expression.
    void skipLeadingBlankLines();
    // Only blank or comment lines may follow the expression.
    void expectOnlyBlankLines();
    // Skips blanks, then requires `c`.
    void expect(QChar c);

private:
    QString m_s;
    qsizetype m_pos = 0;
    int m_depth = 0;
};

} // namespace secretdesk
