#pragma once

#include "core/model/SecretRecord.h"
#include "ui/ValidationState.h"

#include <QList>
#include <QString>

namespace secretdesk {

// The search box's little language, parsed once per keystroke and matched against each row.
// Words are separated by spaces ("..." keeps spaces in one word); all terms must match.
//   word          name, kind or note contains it (case-insensitive)
//   name:text     the name contains text          kind:gcp      the kind contains gcp
//   note:text     the note contains text
//   target:plain  exported as a plain variable (plain or both); target:context likewise;
//                 target:both only both
//   invalid       the last read found errors (the same as is:errors)
//   is:valid | is:warnings | is:errors | is:unchecked   the row's validation state
//   -term         negates any of the above (-kind:gcp, -invalid, -word)
// An unknown prefix ("foo:bar") or a filter without its text ("kind:") is an ordinary word.
class SearchQuery {
public:
    enum class Field { Any, Name, Kind, Note, Target, State };
    struct Term {
        Field field = Field::Any;
        QString text; // lower-case keyword for Target and State
        bool negated = false;
        friend bool operator==(const Term &, const Term &) = default;
    };

    SearchQuery() = default;
    static SearchQuery parse(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    const QList<Term> &terms() const { return m_terms; }
    bool matches(const SecretRecord &record, ValidationState state) const;

private:
    static bool termMatches(const Term &term, const SecretRecord &record, ValidationState state);

    QList<Term> m_terms;
};

} // namespace secretdesk
