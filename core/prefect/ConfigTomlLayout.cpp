#include "core/prefect/ConfigTomlLayout.h"

#include <QString>

#include <utility>

namespace secretdesk {

namespace {

bool isBareKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

ConfigTomlLayout::ConfigTomlLayout(const QByteArray &text)
{
    const QList<QByteArray> pieces = text.split('\n');
    m_lines.assign(pieces.begin(), pieces.end());
    m_finalNewline = text.endsWith('\n');
    if (m_finalNewline || (m_lines.size() == 1 && m_lines.front().isEmpty()))
        m_lines.pop_back();
    m_crlf = !m_lines.empty() && m_lines.front().endsWith('\r');

    while (m_line < int(m_lines.size())) {
        TomlStatement statement;
        statement.firstLine = m_line;
        skipBlanks();
        const char c = at();
        if (c == '[') {
            advance();
            statement.kind = TomlStatement::Kind::Table;
            if (at() == '[') {
                statement.kind = TomlStatement::Kind::ArrayTable;
                advance();
            }
            statement.path = readKeyPath();
        } else if (c != '\n' && c != '#' && c != '\0') {
            statement.kind = TomlStatement::Kind::KeyValue;
            statement.path = readKeyPath();
            skipBlanks();
            if (at() == '=')
                advance();
            skipBlanks();
            statement.valueStart = m_column;
            skipValue();
            statement.valueEnd = m_column;
        }
        skipToLineEnd();
        statement.lastLine = m_line;
        m_statements.push_back(statement);
        m_line += 1;
        m_column = 0;
    }
}

// The current character; '\n' at the end of a line (a final "\r" counts as the end), '\0' past the text.
char ConfigTomlLayout::at() const
{
    return peek(0);
}

char ConfigTomlLayout::peek(int ahead) const
{
    if (m_line >= int(m_lines.size()))
        return '\0';
    const QByteArray &line = m_lines[size_t(m_line)];
    const qsizetype column = m_column + ahead;
    if (column >= line.size() || (column == line.size() - 1 && line.at(column) == '\r'))
        return '\n';
    return line.at(column);
}

void ConfigTomlLayout::advance()
{
    const char c = at();
    if (c == '\0')
        return;
    if (c == '\n') {
        m_line += 1;
        m_column = 0;
    } else {
        m_column += 1;
    }
}

void ConfigTomlLayout::skipBlanks()
{
    while (at() == ' ' || at() == '\t')
        advance();
}

void ConfigTomlLayout::skipBlanksNewlinesComments()
{
    for (;;) {
        const char c = at();
        if (c == ' ' || c == '\t' || c == '\n')
            advance();
        else if (c == '#')
            skipToLineEnd();
        else
            return;
    }
}

void ConfigTomlLayout::skipToLineEnd()
{
    while (at() != '\n' && at() != '\0')
        advance();
}

QStringList ConfigTomlLayout::readKeyPath()
{
    QStringList path;
    for (;;) {
        skipBlanks();
        path << readKeyPart();
        skipBlanks();
        if (at() != '.')
            return path;
        advance();
    }
}

QString ConfigTomlLayout::readKeyPart()
{
    QByteArray bytes;
    const char quote = at();
    if (quote != '"' && quote != '\'') {
        while (isBareKeyChar(at())) {
            bytes += at();
            advance();
        }
        return QString::fromUtf8(bytes);
    }
    advance();
    while (at() != quote && at() != '\n' && at() != '\0') {
        char c = at();
        if (quote == '"' && c == '\\') {
            advance();
            c = at();
            const int digits = c == 'u' ? 4 : c == 'U' ? 8 : 0;
            if (digits > 0) {
                QByteArray hex;
                for (int i = 0; i < digits; ++i) {
                    advance();
                    hex += at();
                }
                const char32_t code = char32_t(hex.toUInt(nullptr, 16));
                bytes += QString::fromUcs4(&code, 1).toUtf8();
            } else {
                static const QByteArray from = "btnfr\"\\";
                static const QByteArray to = "\b\t\n\f\r\"\\";
                const qsizetype index = from.indexOf(c);
                bytes += index >= 0 ? to.at(index) : c;
            }
        } else {
            bytes += c;
        }
        advance();
    }
    advance();
    return QString::fromUtf8(bytes);
}

void ConfigTomlLayout::skipString(char quote)
{
    const bool multiline = peek(1) == quote && peek(2) == quote;
    if (!multiline) {
        advance();
        while (at() != quote && at() != '\n' && at() != '\0') {
            if (quote == '"' && at() == '\\')
                advance();
            advance();
        }
        advance();
        return;
    }
    advance();
    advance();
    advance();
    while (at() != '\0') {
        if (quote == '"' && at() == '\\') {
            advance();
            advance();
        } else if (at() == quote && peek(1) == quote && peek(2) == quote) {
            advance();
            advance();
            advance();
            // Up to two more quotes belong to the content ("""a"""" ends with a quote).
            for (int extra = 0; extra < 2 && at() == quote; ++extra)
                advance();
            return;
        } else {
            advance();
        }
    }
}

void ConfigTomlLayout::skipValue()
{
    const char c = at();
    if (c == '"' || c == '\'') {
        skipString(c);
    } else if (c == '[') {
        advance();
        for (;;) {
            skipBlanksNewlinesComments();
            if (at() == ']' || at() == '\0') {
                advance();
                return;
            }
            const auto before = std::pair(m_line, m_column);
            skipValue();
            skipBlanksNewlinesComments();
            if (at() == ',')
                advance();
            if (std::pair(m_line, m_column) == before)
                advance(); // text no value starts with (a stray '}' in a broken file): step over it
        }
    } else if (c == '{') {
        advance();
        for (;;) {
            skipBlanks();
            if (at() == '}' || at() == '\n' || at() == '\0') {
                if (at() == '}')
                    advance();
                return;
            }
            const auto before = std::pair(m_line, m_column);
            readKeyPath();
            skipBlanks();
            if (at() == '=')
                advance();
            skipBlanks();
            skipValue();
            skipBlanks();
            if (at() == ',')
                advance();
            if (std::pair(m_line, m_column) == before)
                advance(); // text neither a key nor a value starts with (a stray ']'): step over it
        }
    } else {
        qsizetype length = 0;
        for (;;) {
            const char d = at();
            // A date-time may separate its date and time with one space: 1979-05-27 07:32:00Z.
            if (d == ' ' && length == 10 && isDigit(peek(1))) {
                advance();
                length += 1;
                continue;
            }
            if (d == ' ' || d == '\t' || d == '\n' || d == '\0' || d == ',' || d == ']' || d == '}' ||
                d == '#')
                return;
            advance();
            length += 1;
        }
    }
}

} // namespace secretdesk
