#include "ui/SearchQuery.h"

namespace secretdesk {

namespace {

// Splits on white space; a double quote starts or ends a run that keeps its spaces.
QStringList words(const QString &text)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool started = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            started = true;
        } else if (c.isSpace() && !quoted) {
            if (started)
                out.append(current);
            current.clear();
            started = false;
        } else {
            current.append(c);
            started = true;
        }
    }
    if (started)
        out.append(current);
    return out;
}

bool isTargetKeyword(const QString &text)
{
    return text == QLatin1String("plain") || text == QLatin1String("context") ||
           text == QLatin1String("both");
}

bool isStateKeyword(const QString &text)
{
    return text == QLatin1String("valid") || text == QLatin1String("warnings") ||
           text == QLatin1String("errors") || text == QLatin1String("unchecked");
}

SearchQuery::Term termOf(QString word)
{
    SearchQuery::Term term;
    if (word.size() > 1 && word.startsWith(QLatin1Char('-'))) {
        term.negated = true;
        word.remove(0, 1);
    }
    term.text = word;
    const QString lower = word.toLower();
    if (lower == QLatin1String("invalid")) {
        term.field = SearchQuery::Field::State;
        term.text = QStringLiteral("errors");
        return term;
    }
    const qsizetype colon = word.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == word.size() - 1)
        return term;
    const QString prefix = lower.left(colon);
    const QString rest = word.mid(colon + 1);
    const QString restLower = rest.toLower();
    if (prefix == QLatin1String("name"))
        term = {SearchQuery::Field::Name, rest, term.negated};
    else if (prefix == QLatin1String("kind"))
        term = {SearchQuery::Field::Kind, rest, term.negated};
    else if (prefix == QLatin1String("note"))
        term = {SearchQuery::Field::Note, rest, term.negated};
    else if (prefix == QLatin1String("target") && isTargetKeyword(restLower))
        term = {SearchQuery::Field::Target, restLower, term.negated};
    else if (prefix == QLatin1String("is") &&
             (isStateKeyword(restLower) || restLower == QLatin1String("invalid")))
        term = {SearchQuery::Field::State,
                restLower == QLatin1String("invalid") ? QStringLiteral("errors") : restLower, term.negated};
    return term;
}

bool targetMatches(const QString &keyword, ExportTarget target)
{
    if (keyword == QLatin1String("both"))
        return target == ExportTarget::Both;
    if (keyword == QLatin1String("plain"))
        return target == ExportTarget::Plain || target == ExportTarget::Both;
    return target == ExportTarget::Context || target == ExportTarget::Both;
}

} // namespace

SearchQuery SearchQuery::parse(const QString &text)
{
    SearchQuery query;
    for (const QString &word : words(text)) {
        if (word.isEmpty() || word == QLatin1String("-"))
            continue;
        query.m_terms.append(termOf(word));
    }
    return query;
}

bool SearchQuery::matches(const SecretRecord &record, ValidationState state) const
{
    for (const Term &term : m_terms) {
        if (termMatches(term, record, state) == term.negated)
            return false;
    }
    return true;
}

bool SearchQuery::termMatches(const Term &term, const SecretRecord &record, ValidationState state)
{
    switch (term.field) {
    case Field::Any:
        return record.name.toString().contains(term.text, Qt::CaseInsensitive) ||
               record.kind.contains(term.text, Qt::CaseInsensitive) ||
               record.note.contains(term.text, Qt::CaseInsensitive);
    case Field::Name:
        return record.name.toString().contains(term.text, Qt::CaseInsensitive);
    case Field::Kind:
        return record.kind.contains(term.text, Qt::CaseInsensitive);
    case Field::Note:
        return record.note.contains(term.text, Qt::CaseInsensitive);
    case Field::Target:
        return targetMatches(term.text, record.target);
    case Field::State:
        return validationStateKeyword(state) == term.text;
    }
    return false;
}

} // namespace secretdesk
