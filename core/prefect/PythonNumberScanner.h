#pragma once

#include "core/prefect/PythonSourceCursor.h"
#include "core/prefect/PythonValue.h"

namespace secretdesk {

// Python 3.11's number literals at the cursor: ints in base 2, 8, 10 and 16 with underscores,
// floats, imaginary numbers (`2j`). Signs are the parser's business (they are unary operators).
class PythonNumberScanner {
public:
    // Python 3.11 refuses decimal int literals longer than this (sys.int_info.default_max_str_digits).
    static constexpr int MaxDecimalDigits = 4300;

    // Reads one number literal (the cursor is on a digit, or a '.' before one); rejects what Python's
    // tokenizer refuses (a letter right after it, leading zeros, a dangling exponent).
    static PythonValue scan(PythonSourceCursor &cursor);

private:
    static QString readDigits(PythonSourceCursor &cursor, int base, bool underscoreFirst);
};

} // namespace secretdesk
