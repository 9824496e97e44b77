#include "core/prefect/DotenvParser.h"

#include "core/prefect/ImportFileLimit.h"

#include <QHash>

namespace secretdesk {

namespace {

bool isBlank(QChar c) // [^\S\r\n]
{
    return c.isSpace() && c != QLatin1Char('\r') && c != QLatin1Char('\n');
}

struct Cursor {
    const QString &text;
    qsizetype pos = 0;
    int line = 1;
    qsizetype lineStart = 0;

    bool atEnd() const { return pos >= text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return pos + ahead < text.size() ? text.at(pos + ahead) : QChar();
    }
    void advanceTo(qsizetype target) // counts \r\n, \n and \r as one line end each
    {
        while (pos < target) {
            const QChar c = text.at(pos);
            pos += 1;
            if (c == QLatin1Char('\n') || (c == QLatin1Char('\r') && peek() != QLatin1Char('\n'))) {
                line += 1;
                lineStart = pos;
            }
        }
    }
    void skipBlanks()
    {
        qsizetype end = pos;
        while (end < text.size() && isBlank(text.at(end)))
            end += 1;
        advanceTo(end);
    }
};

// '…' or "…" with python-dotenv's regex: the first unescaped closing quote, else the last \<quote>.
std::optional<QString> quotedBody(Cursor &cursor)
{
    const QChar quote = cursor.peek();
    qsizetype i = cursor.pos + 1;
    qsizetype lastEscaped = -1;
    const QString &text = cursor.text;
    while (i < text.size()) {
        if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size() && text.at(i + 1) == quote) {
            lastEscaped = i;
            i += 2;
        } else if (text.at(i) == quote) {
            break;
        } else {
            i += 1;
        }
    }
    if (i >= text.size()) {
        if (lastEscaped < 0)
            return std::nullopt;
        i = lastEscaped + 1;
    }
    const QString body = text.mid(cursor.pos + 1, i - cursor.pos - 1);
    cursor.advanceTo(i + 1);
    // Unescape left to right, without overlap, as re.sub does.
    const QString escapes =
        quote == QLatin1Char('\'') ? QStringLiteral("\\'") : QStringLiteral("\\'\"abfnrtv");
    const QString decoded = QStringLiteral("\\'\"\a\b\f\n\r\t\v");
    const QString names = QStringLiteral("\\'\"abfnrtv");
    QString out;
    for (qsizetype k = 0; k < body.size(); ++k) {
        if (body.at(k) == QLatin1Char('\\') && k + 1 < body.size() && escapes.contains(body.at(k + 1))) {
            out += decoded.at(names.indexOf(body.at(k + 1)));
            k += 1;
        } else {
            out += body.at(k);
        }
    }
    return out;
}

QString bareValue(Cursor &cursor)
{
    qsizetype end = cursor.pos;
    while (end < cursor.text.size() && cursor.text.at(end) != QLatin1Char('\r') &&
           cursor.text.at(end) != QLatin1Char('\n'))
        end += 1;
    QString part = cursor.text.mid(cursor.pos, end - cursor.pos);
    cursor.advanceTo(end);
    for (qsizetype k = 1; k < part.size(); ++k) { // re.sub(r"\s+#.*", "", part)
        if (part.at(k) == QLatin1Char('#') && part.at(k - 1).isSpace()) {
            qsizetype start = k - 1;
            while (start > 0 && part.at(start - 1).isSpace())
                start -= 1;
            part.truncate(start);
            break;
        }
    }
    while (!part.isEmpty() && part.back().isSpace())
        part.chop(1);
    return part;
}

} // namespace

QString DotenvParser::expand(const QString &value, const Lookup &lookup)
{
    QString out;
    qsizetype i = 0;
    while (i < value.size()) {
        if (value.at(i) == QLatin1Char('$') && i + 1 < value.size() && value.at(i + 1) == QLatin1Char('{')) {
            qsizetype k = i + 2;
            while (k < value.size() && value.at(k) != QLatin1Char('}') && value.at(k) != QLatin1Char(':'))
                k += 1;
            const QString name = value.mid(i + 2, k - i - 2);
            std::optional<QString> fallback;
            if (k + 1 < value.size() && value.at(k) == QLatin1Char(':') &&
                value.at(k + 1) == QLatin1Char('-')) {
                const qsizetype start = k + 2;
                k = start;
                while (k < value.size() && value.at(k) != QLatin1Char('}'))
                    k += 1;
                fallback = value.mid(start, k - start);
            }
            if (k < value.size() && value.at(k) == QLatin1Char('}')) {
                out += lookup(name).value_or(fallback.value_or(QString()));
                i = k + 1;
                continue;
            }
        }
        out += value.at(i);
        i += 1;
    }
    return out;
}

DotenvParser::Parsed DotenvParser::parse(const QByteArray &bytes, const QString &fileName,
                                         const Lookup &environment)
{
    if (bytes.size() > ImportFileLimit::MaxBytes) {
        Parsed refused;
        refused.warnings << ImportFileLimit::tooLarge(fileName, bytes.size());
        return refused;
    }
    // Python opens the file with universal newlines: "\r\n" and a lone "\r" read as "\n".
    QString text = QString::fromUtf8(bytes);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    Parsed parsed;
    QHash<QString, QString> earlier;
    Cursor cursor{text};
    while (!cursor.atEnd()) {
        qsizetype ws = cursor.pos;
        while (ws < text.size() && text.at(ws).isSpace())
            ws += 1;
        cursor.advanceTo(ws);
        if (cursor.atEnd())
            break;
        const int statementLine = cursor.line;
        const int statementColumn = int(cursor.pos - cursor.lineStart + 1);
        bool failed = false;
        if (text.mid(cursor.pos, 6) == QLatin1String("export") && isBlank(cursor.peek(6))) {
            cursor.advanceTo(cursor.pos + 6);
            cursor.skipBlanks();
        }
        Location where;
        where.file = fileName;
        where.line = cursor.line;
        where.column = int(cursor.pos - cursor.lineStart + 1);
        std::optional<QString> key;
        if (cursor.peek() == QLatin1Char('\'')) {
            const qsizetype close = text.indexOf(QLatin1Char('\''), cursor.pos + 1);
            if (close > cursor.pos + 1) {
                key = text.mid(cursor.pos + 1, close - cursor.pos - 1);
                cursor.advanceTo(close + 1);
            } else {
                failed = true;
            }
        } else if (cursor.peek() != QLatin1Char('#')) {
            qsizetype end = cursor.pos;
            while (end < text.size() && text.at(end) != QLatin1Char('=') &&
                   text.at(end) != QLatin1Char('#') && !text.at(end).isSpace())
                end += 1;
            failed = end == cursor.pos;
            key = text.mid(cursor.pos, end - cursor.pos);
            cursor.advanceTo(end);
        }
        std::optional<QString> value;
        if (!failed) {
            cursor.skipBlanks();
            if (cursor.peek() == QLatin1Char('=')) {
                cursor.advanceTo(cursor.pos + 1);
                cursor.skipBlanks();
                const QChar c = cursor.peek();
                if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                    value = quotedBody(cursor);
                    failed = !value;
                } else if (c.isNull() || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                    value = QString();
                } else {
                    value = bareValue(cursor);
                }
            }
        }
        if (!failed) { // an optional comment, then the end of the line
            cursor.skipBlanks();
            if (cursor.peek() == QLatin1Char('#')) {
                while (!cursor.atEnd() && cursor.peek() != QLatin1Char('\r') &&
                       cursor.peek() != QLatin1Char('\n'))
                    cursor.advanceTo(cursor.pos + 1);
            }
            cursor.skipBlanks();
            if (cursor.peek() == QLatin1Char('\r') && cursor.peek(1) == QLatin1Char('\n'))
                cursor.advanceTo(cursor.pos + 2);
            else if (cursor.peek() == QLatin1Char('\r') || cursor.peek() == QLatin1Char('\n'))
                cursor.advanceTo(cursor.pos + 1);
            else if (!cursor.atEnd())
                failed = true;
        }
        if (failed) {
            while (!cursor.atEnd() && cursor.peek() != QLatin1Char('\r') &&
                   cursor.peek() != QLatin1Char('\n'))
                cursor.advanceTo(cursor.pos + 1);
            if (!cursor.atEnd())
                cursor.advanceTo(cursor.pos + 1);
            Location place;
            place.file = fileName;
            place.line = statementLine;
            place.column = statementColumn;
            Diagnostic warning = Diagnostic::error(
                Failure::InvalidInput, QStringLiteral("DOTENV001"),
                QStringLiteral("python-dotenv cannot parse this statement and skips it"), place);
            warning.severity = Severity::Warning;
            parsed.warnings << warning;
            continue;
        }
        if (!key || !value)
            continue; // a comment, or a name without `=` (python-dotenv sets nothing)
        QString resolved = *value;
        if (environment) {
            resolved = expand(*value, [&](const QString &name) -> std::optional<QString> {
                if (earlier.contains(name))
                    return earlier.value(name);
                return environment(name);
            });
        }
        earlier.insert(*key, resolved);
        parsed.assignments << EnvAssignment{*key, resolved, where};
    }
    return parsed;
}

} // namespace secretdesk
