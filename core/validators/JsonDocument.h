#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace secretdesk {

// One JSON value and where it sits in the text. Nodes live in JsonDocument's flat list and
// refer to their children by index.
struct JsonNode {
    enum class Type { Null, Bool, Number, String, Array, Object };
    struct Member {
        QString key;
        qsizetype keyBegin = 0; // byte range of the quoted key
        qsizetype keyEnd = 0;
        int value = -1; // node index
    };

    Type type = Type::Null;
    qsizetype begin = 0; // byte range of the value's text (strings include their quotes)
    qsizetype end = 0;
    QString text; // a string's decoded value, or a number's spelling
    bool boolean = false;
    QList<Member> members; // objects, in document order (duplicates kept)
    QList<int> items;      // arrays
};

// A strict RFC 8259 parser that keeps byte offsets, so findings can name a line and column and
// fixes can edit the original text. It never throws and bounds nesting depth.
class JsonDocument {
public:
    static constexpr int MaxDepth = 64;

    static JsonDocument parse(const QByteArray &text);

    bool ok() const { return m_errorMessage.isEmpty(); }
    const QString &errorMessage() const { return m_errorMessage; }
    qsizetype errorOffset() const { return m_errorOffset; }

    const QByteArray &text() const { return m_text; }
    const JsonNode &root() const { return m_nodes.first(); }
    const JsonNode &node(int index) const { return m_nodes.at(index); }
    // The last member with this key (Python's json.loads keeps the last duplicate), or null.
    const JsonNode *member(const JsonNode &object, QStringView key) const;
    const JsonNode::Member *memberEntry(const JsonNode &object, QStringView key) const;

    // 1-based line and column (in characters) of a byte offset.
    void lineColumn(qsizetype offset, int *line, int *column) const;

    // For a string node: the byte offset in the text where each decoded UTF-16 unit's escape or
    // character starts, plus one final entry for the closing quote.
    QList<qsizetype> rawOffsets(const JsonNode &string) const;

private:
    friend class JsonReader;
    QByteArray m_text;
    QList<JsonNode> m_nodes;
    QString m_errorMessage;
    qsizetype m_errorOffset = 0;
};

} // namespace secretdesk
