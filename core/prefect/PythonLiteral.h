#pragma once

#include "core/prefect/PythonValue.h"

#include <QString>

namespace secretdesk {

// Python 3.11's `ast.literal_eval(text)` for the texts Prefect hands it: the source is stripped of
// leading spaces and tabs, parsed as an expression, and accepted only when it is a literal (str and
// bytes with prefixes, escapes, implicit concatenation and triple quotes; ints in any base with
// underscores; floats; imaginary numbers, `a+bj`; unary +/-; tuples, lists, dicts, sets, `set()`;
// None, True, False, `...`). Anything else Python would reject, and Prefect keeps the text.
class PythonLiteral {
public:
    enum class Outcome {
        Value,       // literal_eval returns `value`
        Rejected,    // literal_eval raises (syntax error, not a literal, unhashable key...)
        Unsupported, // a construct this reproduction does not model (\N{NAME} escapes, ...)
    };
    struct Evaluation {
        Outcome outcome = Outcome::Rejected;
        PythonValue value;
    };

    static Evaluation literalEval(const QString &text);
};

} // namespace secretdesk
