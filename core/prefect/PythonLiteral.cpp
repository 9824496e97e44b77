#include "core/prefect/PythonLiteral.h"

#include "core/prefect/PythonLiteralParser.h"

namespace secretdesk {

namespace {

// A cheap early answer for most texts (a plain token, a path, a URL) so that they skip the parser
// and its exception: a literal starts with a digit, a sign, a quote, a bracket, a dot, a blank or
// comment line, or one of the few words literal_eval knows (or a string prefix before a quote).
bool cannotStartLiteral(const QString &source)
{
    if (source.isEmpty())
        return true;
    const QChar first = source.at(0);
    if (!isPythonIdentChar(first) || first.isDigit())
        return QStringView(u"!$%&*/:;<=>?@^`|~,)]}").contains(first);
    qsizetype end = 0;
    while (end < source.size() && isPythonIdentChar(source.at(end)))
        ++end;
    const QStringView word = QStringView(source).left(end);
    if (end < source.size() && (source.at(end) == QLatin1Char('\'') || source.at(end) == QLatin1Char('"')))
        return end > 2;
    return word != QLatin1String("True") && word != QLatin1String("False") && word != QLatin1String("None") &&
           word != QLatin1String("set");
}

} // namespace

PythonLiteral::Evaluation PythonLiteral::literalEval(const QString &text)
{
    if (text.contains(QChar(0)))
        return {Outcome::Rejected, {}}; // "source code string cannot contain null bytes"
    qsizetype start = 0;
    while (start < text.size() && (text.at(start) == QLatin1Char(' ') || text.at(start) == QLatin1Char('\t')))
        ++start;
    // The tokenizer reads \r\n and \r as \n, also inside string literals.
    QString source = text.mid(start);
    source.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    source.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (cannotStartLiteral(source))
        return {Outcome::Rejected, {}};
    try {
        PythonLiteralParser parser(source);
        return {Outcome::Value, parser.parseAll()};
    } catch (const PythonLiteralStop &stop) {
        return {stop.outcome, {}};
    }
}

} // namespace secretdesk
