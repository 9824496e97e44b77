#include "core/prefect/PythonStringScanner.h"

#include "core/prefect/PythonEscapes.h"

#include <QStringList>

#include <optional>

namespace secretdesk {

PythonValue PythonStringScanner::scan(PythonSourceCursor &cursor)
{
    QString text;
    QByteArray bytes;
    std::optional<bool> isBytes;
    while (true) {
        cursor.skip();
        const qsizetype start = cursor.position();
        while (!cursor.atEnd() && isPythonIdentChar(cursor.peek()) && cursor.position() - start < 3)
            cursor.advance();
        if (cursor.peek() != QLatin1Char('\'') && cursor.peek() != QLatin1Char('"')) {
            cursor.setPosition(start);
            break;
        }
        const QString prefix = cursor.source().mid(start, cursor.position() - start).toLower();
        static const QStringList valid = {QString(),           QStringLiteral("r"),  QStringLiteral("u"),
                                          QStringLiteral("b"), QStringLiteral("br"), QStringLiteral("rb")};
        if (!valid.contains(prefix))
            rejectLiteral(); // f-strings are JoinedStr nodes; other prefixes are names
        const bool raw = prefix.contains(QLatin1Char('r'));
        const bool b = prefix.contains(QLatin1Char('b'));
        if (isBytes && *isBytes != b)
            rejectLiteral(); // cannot mix bytes and nonbytes literals
        isBytes = b;
        const QString body = readBody(cursor);
        if (b) {
            for (const QChar c : body) {
                if (c.unicode() >= 0x80)
                    rejectLiteral();
            }
            bytes += raw ? body.toLatin1() : unescape(body, true).toLatin1();
        } else {
            text += raw ? body : unescape(body, false);
        }
    }
    if (!isBytes)
        rejectLiteral(); // a name longer than any prefix before a quote (`[name'x']`)
    return *isBytes ? PythonValue::bytes(bytes) : PythonValue::str(text);
}

QString PythonStringScanner::unescape(const QString &body, bool bytes)
{
    const PythonEscapes::Decoded decoded = PythonEscapes::decode(body, bytes);
    if (decoded.status == PythonEscapes::Status::Invalid)
        rejectLiteral();
    if (decoded.status == PythonEscapes::Status::Unsupported)
        unsupportedLiteral();
    return decoded.text;
}

QString PythonStringScanner::readBody(PythonSourceCursor &cursor)
{
    const QChar quote = cursor.peek();
    const bool triple = cursor.peek(1) == quote && cursor.peek(2) == quote;
    cursor.advance(triple ? 3 : 1);
    const qsizetype start = cursor.position();
    while (true) {
        if (cursor.atEnd())
            rejectLiteral();
        const QChar c = cursor.peek();
        if (c == QLatin1Char('\\')) {
            if (cursor.position() + 1 >= cursor.source().size())
                rejectLiteral();
            cursor.advance(2);
            continue;
        }
        if (c == QLatin1Char('\n') && !triple)
            rejectLiteral();
        if (c == quote && (!triple || (cursor.peek(1) == quote && cursor.peek(2) == quote))) {
            const QString body = cursor.source().mid(start, cursor.position() - start);
            cursor.advance(triple ? 3 : 1);
            return body;
        }
        cursor.advance();
    }
}

} // namespace secretdesk
