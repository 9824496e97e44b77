#pragma once

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace secretdesk {

// One statement of a TOML document as written: a table header, a key/value pair (its value may span
// lines: arrays, multi-line strings), or a line holding only blanks and a comment. The editor of
// config.toml works on these line ranges so that everything it does not touch stays byte for byte.
struct TomlStatement {
    enum class Kind { Trivia, Table, ArrayTable, KeyValue };
    Kind kind = Kind::Trivia;
    QStringList path;  // header path, or the key path relative to the current table (keys decoded)
    int firstLine = 0; // 0-based, inclusive
    int lastLine = 0;
    qsizetype valueStart = 0; // KeyValue: byte offset of the value in firstLine
    qsizetype valueEnd = 0;   // KeyValue: byte offset just past the value in lastLine
};

// Splits a TOML document (already checked by a real parser) into statements. Lenient on purpose:
// it only needs to find where each statement starts and ends.
class ConfigTomlLayout {
public:
    explicit ConfigTomlLayout(const QByteArray &text);

    const std::vector<QByteArray> &lines() const { return m_lines; } // without "\n" (a "\r" stays)
    const std::vector<TomlStatement> &statements() const { return m_statements; }
    bool usesCrlf() const { return m_crlf; }
    bool endsWithNewline() const { return m_finalNewline; }

private:
    char at() const;
    char peek(int ahead) const;
    void advance();
    void skipBlanks();
    void skipBlanksNewlinesComments();
    void skipToLineEnd();
    QString readKeyPart();
    QStringList readKeyPath();
    void skipValue();
    void skipString(char quote);

    std::vector<QByteArray> m_lines;
    std::vector<TomlStatement> m_statements;
    bool m_crlf = false;
    bool m_finalNewline = false;
    int m_line = 0;
    qsizetype m_column = 0;
};

} // namespace secretdesk
