#pragma once

#include "core/prefect/PythonSourceCursor.h"
#include "core/prefect/PythonValue.h"

namespace secretdesk {

// The expression grammar ast.literal_eval accepts, over the number and string scanners: tuples
// (with or without parentheses), lists, dicts, sets, `set()`, unary +/- on numbers, `real +/- imag`
// complex numbers, None/True/False and `...`. Recursion is bounded by PythonSourceCursor::MaxNesting.
// Stops by throwing PythonLiteralStop; PythonLiteral::literalEval catches it.
class PythonLiteralParser {
public:
    explicit PythonLiteralParser(QString source)
        : m_cursor(std::move(source))
    {}

    PythonValue parseAll();

private:
    // What an operand is in the AST, as far as literal_eval's number rules care.
    struct Operand {
        PythonValue value;
        bool plainNumber = false;  // a Constant int/float/complex (maybe in parentheses)
        bool signedNumber = false; // plainNumber, or +/- applied to one
    };

    Operand parseElement();
    Operand parseSigned();
    Operand parsePrimary();
    Operand parseAtom();
    Operand parseBracket(QChar open);
    Operand parseWordOrStrings();

    PythonSourceCursor m_cursor;
};

} // namespace secretdesk
