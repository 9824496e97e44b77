#include "core/exporters/DotenvExporter.h"

#include <QRegularExpression>

#include <cstring>

namespace secretdesk {

namespace {

// Whether `first` is directly followed by `second` somewhere in the value. A memchr-driven scan:
// QByteArray::contains() with a two-byte needle sets up a general search each call, which made it
// the most expensive step of this exporter.
bool hasPair(const QByteArray &value, char first, char second)
{
    const char *data = value.constData();
    const char *const end = data + value.size();
    while (data < end) {
        const auto *hit = static_cast<const char *>(std::memchr(data, first, end - data));
        if (!hit || hit + 1 >= end)
            return false;
        if (hit[1] == second)
            return true;
        data = hit + 1;
    }
    return false;
}

// The first and last code points of UTF-8 text (not through QString: it drops a leading U+FEFF).
char32_t decodeAt(const QByteArray &value, qsizetype at)
{
    const auto lead = static_cast<unsigned char>(value.at(at));
    const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (int i = 1; i < length && at + i < value.size(); ++i)
        code = (code << 6) | (static_cast<unsigned char>(value.at(at + i)) & 0x3F);
    return code;
}

char32_t firstCodePoint(const QByteArray &value)
{
    return decodeAt(value, 0);
}

char32_t lastCodePoint(const QByteArray &value)
{
    qsizetype at = value.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(value.at(at)) & 0xC0) == 0x80)
        --at;
    return decodeAt(value, at);
}

// Whether python-dotenv (str.strip: Unicode White_Space and the \x1c-\x1f separators), npm
// dotenv (JavaScript trim(): White_Space plus U+FEFF) or node --env-file may trim this character
// from an unquoted value. The union, plus U+180E and U+200B that older tables listed, is refused
// at either end of a bare value.
bool isTrimmedBySomeReader(char32_t c)
{
    if (c <= 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B))
        return true;
    return c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// npm dotenv removes surrounding quotes with /^(['"`])([\s\S]*)\1$/mg, and in JavaScript ^ and $
// also match around U+2028 and U+2029. So in an unquoted value (which has no LF or CR here), a
// quote right after such a separator and the same quote right before a later one, or at the end,
// are both dropped.
bool npmStripsInnerQuotes(const QByteArray &value)
{
    QList<qsizetype> starts;
    QList<qsizetype> ends;
    for (qsizetype i = value.indexOf("\xE2\x80"); i >= 0; i = value.indexOf("\xE2\x80", i + 1)) {
        if (i + 2 < value.size() && (value.at(i + 2) == '\xA8' || value.at(i + 2) == '\xA9')) {
            ends.append(i);
            starts.append(i + 3);
        }
    }
    if (starts.isEmpty())
        return false;
    ends.append(value.size());
    for (qsizetype start : starts) {
        if (start >= value.size())
            continue;
        const char quote = value.at(start);
        if (quote != '\'' && quote != '"' && quote != '`')
            continue;
        for (qsizetype end : ends) {
            if (end - 1 > start && value.at(end - 1) == quote)
                return true;
        }
    }
    return false;
}

// What stops a quoting from carrying a value; empty when it can.
QString singleQuotedProblem(const QByteArray &value)
{
    if (value.contains('\''))
        return QStringLiteral("in '...' npm dotenv and node --env-file have no escape for '");
    if (hasPair(value, '\\', '\\'))
        return QStringLiteral(
            "in '...' python-dotenv reads \\\\ as one backslash, npm dotenv and node keep two");
    if (value.endsWith('\\'))
        return QStringLiteral(
            "in '...' python-dotenv and npm dotenv read a final \\ as escaping the closing quote");
    return {};
}

QString doubleQuotedProblem(const QByteArray &value)
{
    if (value.contains('"'))
        return QStringLiteral("in \"...\" npm dotenv and node --env-file keep the backslash of \\\"");
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != '\\')
            continue;
        if (i + 1 == value.size())
            return QStringLiteral("in \"...\" python-dotenv and npm dotenv read a final \\ as escaping the "
                                  "closing quote");
        if (QByteArrayView("\\'\"abfnrtv").contains(value.at(i + 1)))
            return QStringLiteral(
                "in \"...\" python-dotenv decodes backslash escapes that npm dotenv and node "
                "--env-file keep (or decode only \\n)");
    }
    return {};
}

QString bareProblem(const QByteArray &value)
{
    if (value.isEmpty())
        return {};
    if (value.contains('\n'))
        return QStringLiteral("unquoted, every reader ends the value at the line break");
    if (value.contains('#'))
        return QStringLiteral("unquoted, npm dotenv and node --env-file start a comment at #");
    if (npmStripsInnerQuotes(value))
        return QStringLiteral("unquoted, npm dotenv takes U+2028 and U+2029 as line ends and strips a quote "
                              "pair around such a line");
    const char first = value.front();
    if (first == '\'' || first == '"' || first == '`')
        return QStringLiteral("unquoted, npm dotenv and node --env-file take a leading quote as quoting");
    if (isTrimmedBySomeReader(firstCodePoint(value)) || isTrimmedBySomeReader(lastCodePoint(value)))
        return QStringLiteral("unquoted, the readers trim spaces around the value");
    return {};
}

} // namespace

Result<DotenvExporter::Quoting> DotenvExporter::quotingFor(const QByteArray &value)
{
    if (value.contains('\r'))
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("DOTENV_CR"),
                                 QStringLiteral("npm dotenv and python-dotenv turn a carriage return into a "
                                                "line feed, and node --env-file has no escape for it"));
    // python-dotenv's interpolation pattern (variables.py), applied to quoted values too.
    static const QRegularExpression interpolation(QStringLiteral("\\$\\{[^}:]*(?::-[^}]*)?\\}"));
    if (hasPair(value, '$', '{') && interpolation.match(QString::fromUtf8(value)).hasMatch())
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("DOTENV_INTERPOLATION"),
                                 QStringLiteral("python-dotenv expands ${...} in every value and has no "
                                                "escape for it; npm dotenv and node --env-file do not"));
    const QString single = singleQuotedProblem(value);
    if (single.isEmpty())
        return Quoting::Single;
    const QString dbl = doubleQuotedProblem(value);
    if (dbl.isEmpty())
        return Quoting::Double;
    const QString bare = bareProblem(value);
    if (bare.isEmpty())
        return Quoting::Bare;
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("DOTENV_UNQUOTABLE"),
        QStringLiteral("no quoting reads the same in all three readers: %1; %2; %3").arg(single, dbl, bare));
}

Status DotenvExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("DOTENV"), entry); !common.ok())
        return common;
    Result<Quoting> quoting = quotingFor(entry.value);
    if (!quoting.ok())
        return refusal(quoting.error().code, entry, quoting.error().message);
    return Status::success();
}

void DotenvExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    const Result<Quoting> quoting = quotingFor(entry.value);
    char quote = 0;
    if (quoting.ok() && *quoting == Quoting::Single)
        quote = '\'';
    else if (quoting.ok() && *quoting == Quoting::Double)
        quote = '"';
    out += entry.name.toLatin1();
    out += '=';
    if (quote)
        out += quote;
    out += entry.value;
    if (quote)
        out += quote;
    out += '\n';
}

} // namespace secretdesk
