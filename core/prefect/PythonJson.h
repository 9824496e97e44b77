#pragma once

#include "core/prefect/PythonValue.h"

#include <QString>

#include <optional>

namespace secretdesk {

// Python's `json.loads(text)` (the C scanner, strict mode): objects become dicts (a repeated key
// keeps its first place and its last value), numbers without fraction or exponent become ints,
// NaN/Infinity/-Infinity are accepted, only " \t\n\r" is whitespace. nullopt is a JSONDecodeError.
class PythonJson {
public:
    static std::optional<PythonValue> loads(const QString &text);
    // Whether json.loads accepts the text (what Secret.get() would turn into something else).
    static bool parses(const QString &text) { return loads(text).has_value(); }
};

} // namespace secretdesk
