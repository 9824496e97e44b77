#pragma once

#include <QString>

#include <optional>

namespace secretdesk {

// The backslash escapes of a Python 3.11 string or bytes literal body (not raw): \newline, \\ \' \"
// \a \b \f \n \r \t \v, octal \ooo, \xhh; in str also \uXXXX and \UXXXXXXXX; unknown escapes stay.
namespace PythonEscapes {

enum class Status {
    Ok,
    Invalid,     // a SyntaxError in Python (truncated \x, \u beyond U+10FFFF...)
    Unsupported, // \N{NAME}: needs Unicode's name table, which this reproduction does not carry
};

struct Decoded {
    Status status = Status::Ok;
    QString text; // for bytes, one QChar per byte (0-255)
};

Decoded decode(const QString &body, bool bytes);
// What a one-character escape (the character after the backslash) stands for: \newline vanishes,
// \\ \' \" \a \b \f \n \r \t \v; nothing for any other character. Python literals and the
// unicode_escape codec Prefect applies to env values share this table.
std::optional<QString> simpleEscape(char16_t escaped);
// The value of a hex digit, or -1.
int hexValue(QChar c);

} // namespace PythonEscapes

} // namespace secretdesk
