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
    const auto first = static_cast<unsigned char>(value.front());
    const auto last = static_cast<unsigned char>(value.back());
    if (first == '\'' || first == '"' || first == '`')
        return QStringLiteral("unquoted, npm dotenv and node --env-file take a leading quote as quoting");
    if (first <= 0x20 || first >= 0x7F || last <= 0x20 || last >= 0x7F)
        return QStringLiteral("unquoted, the readers trim different sets of spaces around the value");
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
