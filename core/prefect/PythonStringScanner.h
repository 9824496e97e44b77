#pragma once

#include "core/prefect/PythonSourceCursor.h"
#include "core/prefect/PythonValue.h"

namespace secretdesk {

// Python 3.11's string and bytes literals at the cursor: prefixes (r, u, b, br, rb in any case),
// single and triple quotes, escapes, and adjacent literals concatenated ('a' "b" == 'ab').
class PythonStringScanner {
public:
    // Reads one or more adjacent literals; rejects f-strings, other prefixes, mixed bytes and str,
    // non-ASCII bytes, unterminated literals and invalid escapes.
    static PythonValue scan(PythonSourceCursor &cursor);

private:
    static QString readBody(PythonSourceCursor &cursor);
    static QString unescape(const QString &body, bool bytes);
};

} // namespace secretdesk
