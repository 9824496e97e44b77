#include "core/validators/JsonDocument.h"

namespace secretdesk {

// The recursive-descent reader behind JsonDocument::parse.
class JsonReader {
public:
    explicit JsonReader(JsonDocument &doc)
        : m_doc(doc)
        , m_data(doc.m_text.constData())
        , m_size(doc.m_text.size())
    {}

    void run()
    {
        skipSpace();
        if (!value(0))
            return;
        skipSpace();
        if (m_pos != m_size)
            fail(QStringLiteral("unexpected text after the JSON value"));
    }

private:
    bool fail(const QString &message)
    {
        if (m_doc.m_errorMessage.isEmpty()) {
            m_doc.m_errorMessage = message;
            m_doc.m_errorOffset = m_pos;
        }
        return false;
    }
    void skipSpace()
    {
        while (m_pos < m_size && (m_data[m_pos] == ' ' || m_data[m_pos] == '\t' || m_data[m_pos] == '\n' ||
                                  m_data[m_pos] == '\r'))
            ++m_pos;
    }
    bool literal(const char *word)
    {
        for (const char *c = word; *c; ++c, ++m_pos) {
            if (m_pos >= m_size || m_data[m_pos] != *c)
                return fail(QStringLiteral("invalid literal (expected %1)").arg(QLatin1String(word)));
        }
        return true;
    }
    int newNode(JsonNode::Type type)
    {
        JsonNode node;
        node.type = type;
        node.begin = m_pos;
        m_doc.m_nodes.append(node);
        return static_cast<int>(m_doc.m_nodes.size() - 1);
    }

    bool value(int depth)
    {
        if (depth > JsonDocument::MaxDepth)
            return fail(QStringLiteral("nesting is deeper than %1 levels").arg(JsonDocument::MaxDepth));
        if (m_pos >= m_size)
            return fail(QStringLiteral("unexpected end of text (expected a value)"));
        const char c = m_data[m_pos];
        int index = -1;
        bool good = false;
        switch (c) {
        case '{':
            index = newNode(JsonNode::Type::Object);
            good = object(index, depth);
            break;
        case '[':
            index = newNode(JsonNode::Type::Array);
            good = array(index, depth);
            break;
        case '"': {
            index = newNode(JsonNode::Type::String);
            QString decoded;
            good = string(&decoded);
            m_doc.m_nodes[index].text = decoded;
            break;
        }
        case 't':
        case 'f':
            index = newNode(JsonNode::Type::Bool);
            m_doc.m_nodes[index].boolean = c == 't';
            good = literal(c == 't' ? "true" : "false");
            break;
        case 'n':
            index = newNode(JsonNode::Type::Null);
            good = literal("null");
            break;
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                index = newNode(JsonNode::Type::Number);
                good = number(index);
            } else {
                return fail(QStringLiteral("unexpected character (expected a value)"));
            }
        }
        if (good)
            m_doc.m_nodes[index].end = m_pos;
        return good;
    }

    bool digits()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9')
            ++m_pos;
        return m_pos > start || fail(QStringLiteral("invalid number (expected a digit)"));
    }
    bool number(int index)
    {
        const qsizetype start = m_pos;
        if (m_data[m_pos] == '-')
            ++m_pos;
        if (m_pos < m_size && m_data[m_pos] == '0')
            ++m_pos;
        else if (!digits())
            return false;
        if (m_pos < m_size && m_data[m_pos] == '.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (m_pos < m_size && (m_data[m_pos] == 'e' || m_data[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_size && (m_data[m_pos] == '+' || m_data[m_pos] == '-'))
                ++m_pos;
            if (!digits())
                return false;
        }
        m_doc.m_nodes[index].text = QString::fromLatin1(m_data + start, m_pos - start);
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    bool hex4(char16_t *unit)
    {
        if (m_pos + 4 > m_size)
            return fail(QStringLiteral("invalid \\u escape (expected four hex digits)"));
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_data[m_pos + i]);
            if (h < 0)
                return fail(QStringLiteral("invalid \\u escape (expected four hex digits)"));
            v = v * 16 + h;
        }
        m_pos += 4;
        *unit = static_cast<char16_t>(v);
        return true;
    }

    bool string(QString *out)
    {
        ++m_pos; // opening quote
        qsizetype runStart = m_pos;
        auto flushRun = [&] {
            if (m_pos > runStart)
                out->append(QString::fromUtf8(m_data + runStart, m_pos - runStart));
        };
        while (true) {
            if (m_pos >= m_size)
                return fail(QStringLiteral("unterminated string"));
            const auto c = static_cast<unsigned char>(m_data[m_pos]);
            if (c == '"') {
                flushRun();
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return fail(QStringLiteral("control character in a string (escape it as \\n, \\t, ...)"));
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flushRun();
            ++m_pos;
            if (m_pos >= m_size)
                return fail(QStringLiteral("unterminated string"));
            const char e = m_data[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out->append(QLatin1Char(e));
                break;
            case 'b':
                out->append(QLatin1Char('\b'));
                break;
            case 'f':
                out->append(QLatin1Char('\f'));
                break;
            case 'n':
                out->append(QLatin1Char('\n'));
                break;
            case 'r':
                out->append(QLatin1Char('\r'));
                break;
            case 't':
                out->append(QLatin1Char('\t'));
                break;
            case 'u': {
                char16_t unit = 0;
                if (!hex4(&unit))
                    return false;
                out->append(QChar(unit));
                break;
            }
            default:
                --m_pos;
                return fail(QStringLiteral("invalid escape in a string"));
            }
            runStart = m_pos;
        }
    }

    bool object(int index, int depth)
    {
        ++m_pos;
        skipSpace();
        if (m_pos < m_size && m_data[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_size || m_data[m_pos] != '"')
                return fail(QStringLiteral("expected a quoted member name"));
            JsonNode::Member member;
            member.keyBegin = m_pos;
            if (!string(&member.key))
                return false;
            member.keyEnd = m_pos;
            skipSpace();
            if (m_pos >= m_size || m_data[m_pos] != ':')
                return fail(QStringLiteral("expected ':' after a member name"));
            ++m_pos;
            skipSpace();
            member.value = static_cast<int>(m_doc.m_nodes.size());
            if (!value(depth + 1))
                return false;
            m_doc.m_nodes[index].members.append(member);
            skipSpace();
            if (m_pos < m_size && m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_size && m_data[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}' in an object"));
        }
    }

    bool array(int index, int depth)
    {
        ++m_pos;
        skipSpace();
        if (m_pos < m_size && m_data[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            const int item = static_cast<int>(m_doc.m_nodes.size());
            if (!value(depth + 1))
                return false;
            m_doc.m_nodes[index].items.append(item);
            skipSpace();
            if (m_pos < m_size && m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_size && m_data[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']' in an array"));
        }
    }

    JsonDocument &m_doc;
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

// Offset of the first byte that breaks strict UTF-8 (overlongs and surrogates included), or -1.
static qsizetype firstInvalidUtf8(const QByteArray &text)
{
    const auto *d = reinterpret_cast<const unsigned char *>(text.constData());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned c = d[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned cp = 0;
        unsigned min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((d[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (d[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

JsonDocument JsonDocument::parse(const QByteArray &text)
{
    JsonDocument doc;
    doc.m_text = text;
    const qsizetype bad = firstInvalidUtf8(text);
    if (bad >= 0) {
        doc.m_errorMessage = QStringLiteral("the text is not valid UTF-8");
        doc.m_errorOffset = bad;
        doc.m_nodes.append(JsonNode());
        return doc;
    }
    JsonReader reader(doc);
    reader.run();
    if (doc.m_nodes.isEmpty())
        doc.m_nodes.append(JsonNode());
    return doc;
}

const JsonNode::Member *JsonDocument::memberEntry(const JsonNode &object, QStringView key) const
{
    for (auto it = object.members.crbegin(); it != object.members.crend(); ++it) {
        if (it->key == key)
            return &*it;
    }
    return nullptr;
}

const JsonNode *JsonDocument::member(const JsonNode &object, QStringView key) const
{
    const JsonNode::Member *entry = memberEntry(object, key);
    return entry ? &m_nodes.at(entry->value) : nullptr;
}

void JsonDocument::lineColumn(qsizetype offset, int *line, int *column) const
{
    offset = qBound(qsizetype(0), offset, m_text.size());
    int l = 1;
    int c = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto b = static_cast<unsigned char>(m_text.at(i));
        if (b == '\n') {
            ++l;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            ++c; // count characters, not UTF-8 continuation bytes
        }
    }
    *line = l;
    *column = c;
}

QList<qsizetype> JsonDocument::rawOffsets(const JsonNode &string) const
{
    QList<qsizetype> offsets;
    if (string.type != JsonNode::Type::String)
        return offsets;
    const char *data = m_text.constData();
    qsizetype pos = string.begin + 1;
    const qsizetype close = string.end - 1;
    offsets.reserve(close - pos + 1);
    while (pos < close) {
        const auto c = static_cast<unsigned char>(data[pos]);
        if (c == '\\') {
            offsets.append(pos);
            pos += data[pos + 1] == 'u' ? 6 : 2;
            continue;
        }
        int len = 1;
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        offsets.append(pos);
        if (len == 4)
            offsets.append(pos); // a surrogate pair: two UTF-16 units, one character
        pos += len;
    }
    offsets.append(close);
    return offsets;
}

} // namespace secretdesk
