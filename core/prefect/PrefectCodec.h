#pragma once

#include "core/model/Result.h"
#include "core/model/SecretValue.h"
#include "core/prefect/PrefectEnvironment.h"
#include "core/prefect/PrefectPipeline.h"
#include "core/prefect/PythonValue.h"

#include <QByteArray>
#include <QString>

namespace secretdesk {

// Writes secret values so that Prefect 1.x reads them back exactly, and reads texts the way
// Prefect 1.x does (spec: prefect-secrets.md §2-4; pitfalls beyond it in docs/prefect-compat.md).
//
// Encoding keeps the plainest candidate, from the value as is to fully escaped, whose decoding in a
// world where every variable, user and config key exists yields the target: so the text holds on
// any machine. Targets: Secret.get() returns the stored value; prefect.context.secrets holds the
// value itself, except a str that parses as JSON or contains "${" (it holds the JSON-quoted form).
class PrefectCodec {
public:
    // Env var value text (bytes, UTF-8) for PREFECT__CONTEXT__SECRETS__<NAME> so Prefect 1.x reads back
    // `value`. Always ASCII: Prefect decodes env values with "unicode_escape", which would garble raw UTF-8.
    static Result<QByteArray> encodeEnv(const SecretValue &value);
    // TOML value text (the right-hand side after `NAME = `) for [context.secrets].
    static Result<QByteArray> encodeToml(const SecretValue &value);

    // What Prefect makes of an env var's value text (its bytes as set in the environment).
    static Result<PrefectReading> decodeEnv(const QByteArray &text,
                                            const PrefectEnvironment &world = PrefectEnvironment::current());
    // What Prefect makes of the right-hand side of `NAME = ...` in [context.secrets].
    static Result<PrefectReading> decodeToml(const QByteArray &text,
                                             const PrefectEnvironment &world = PrefectEnvironment::current());

    // The codec's targets for a stored value: the context value and Secret.get()'s result.
    static PythonValue contextTarget(const SecretValue &value);
    static PythonValue secretGetTarget(const SecretValue &value);
    // Whether direct readers of prefect.context.secrets see the stored value itself (false for a
    // str that parses as JSON or holds "${": they see its JSON-quoted form; say so in the UI).
    static bool contextHoldsValue(const SecretValue &value);

    // A Python str literal of `text` with "$" written \x24 and control characters escaped.
    static QString pythonStringLiteral(const QString &text);
    // A Python literal of a str, number, None/bool, list or dict, strings as above.
    static QString pythonLiteral(const PythonValue &value);
};

} // namespace secretdesk
