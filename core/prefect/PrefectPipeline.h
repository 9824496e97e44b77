#pragma once

#include "core/model/Result.h"
#include "core/prefect/PrefectEnvironment.h"
#include "core/prefect/PythonValue.h"

#include <QByteArray>
#include <QString>

namespace secretdesk {

// What a flow gets for one secret: `prefect.context.secrets[NAME]` and `Secret(NAME).get()`.
struct PrefectReading {
    PythonValue context;
    PythonValue secretGet;
};

// Prefect 1.4's configuration loading, one step per function (docs/prefect-compat.md lists them).
// Failures are diagnostics: PREFECT020 when `import prefect` itself would raise on this value,
// PREFECT021 when the value uses a construct this reproduction does not model.
class PrefectPipeline {
public:
    // The whole path of an env var value: unicode_escape, interpolate + string_to_type, the second
    // pass, `${a.b}` references, then json.loads for Secret.get().
    static Result<PrefectReading> loadEnvValue(const QByteArray &raw, const PrefectEnvironment &world);
    // A value parsed from config.toml (a str, number, bool, list or table): one pass per string leaf,
    // empty tables dropped (NotFound when the whole secret vanishes), references, json.loads.
    static Result<PrefectReading> loadTomlValue(const PythonValue &parsed, const PrefectEnvironment &world);

    // bytes.decode("unicode_escape") of the value's UTF-8 bytes (each other byte is Latin-1).
    static Result<QString> unicodeEscapeDecode(const QByteArray &utf8);
    // The exact inverse for the codec: ASCII text that unicode_escape decodes back to `text`.
    static QByteArray unicodeEscapeEncode(const QString &text);
    static QString expandVars(const QString &text, const PrefectEnvironment &world);
    static QString expandUser(const QString &text, const PrefectEnvironment &world);
    // interpolate_env_vars: up to 10 rounds of expandvars + expanduser (None after that).
    static Result<PythonValue> interpolate(const QString &text, const PrefectEnvironment &world);
    // TRUE/FALSE in any case, else ast.literal_eval, else the text.
    static Result<PythonValue> stringToType(const QString &text);
    // The second pass over every config value.
    static Result<PythonValue> secondPass(const PythonValue &value, const PrefectEnvironment &world);
    // `${a.b}` references in a str, up to 10 replacements.
    static PythonValue replaceReferences(const PythonValue &value, const PrefectEnvironment &world);
    // Secret.get(): json.loads on str (and bytes), the value itself otherwise.
    static PythonValue secretGet(const PythonValue &context);
};

} // namespace secretdesk
