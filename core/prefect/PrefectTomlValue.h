#pragma once

#include "core/model/Result.h"
#include "core/prefect/PythonValue.h"

#include <QByteArray>
#include <QString>

#include <string_view>

namespace secretdesk {

// One TOML value as the right-hand side of `NAME = ...` in [context.secrets].
class PrefectTomlValue {
public:
    // Deepest nesting of tables and arrays a value may have (PREFECT061 beyond it).
    static constexpr int MaxNesting = 128;

    // The value as the toml package hands it to Prefect (str, int, float, bool, list, dict).
    // Errors carry the 1-based column inside `text` (line 1).
    static Result<PythonValue> parse(const QByteArray &text);
    // A TOML basic string: quotes, backslashes and control characters escaped, other text as is.
    static QByteArray basicString(const QString &text);
    // UTF-8 from the TOML parser as text, keeping a leading U+FEFF (QString::fromUtf8 drops it).
    static QString text(std::string_view utf8);
    // A TOML parser's description of an error without its quoted excerpts ('…' or "…" become …):
    // they can hold part of a secret, and diagnostics never quote a value.
    static QString withoutExcerpts(std::string_view description);
    // A bare key ([A-Za-z0-9_-]+), otherwise a quoted one.
    static QByteArray key(const QString &name);
};

} // namespace secretdesk
