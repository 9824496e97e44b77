#pragma once

#include "core/prefect/DotenvParser.h"
#include "core/prefect/PrefectEnvironment.h"
#include "core/prefect/PrefectSecretEntry.h"

#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

namespace secretdesk {

// Secrets that Prefect 1.x finds in environment variables (spec §2), decoded with its rules.
// Codes: PREFECT050 PREFECT__CONTEXT__SECRETS without a name (it replaces the whole table),
// PREFECT051 an empty part in the name (`A____B`), PREFECT052 the same key set twice (the last in
// environment order wins), PREFECT053 a secret set both as a value and as a table (Prefect's result
// depends on the order), PREFECT054 a requested plain variable is not set.
class PrefectEnvImport {
public:
    // The process environment as assignments, in Qt's order (file "environment", no line).
    static QList<EnvAssignment> fromEnvironment(const QProcessEnvironment &environment);

    // The PREFECT__CONTEXT__SECRETS__* variables (`PREFECT__` as is, `CONTEXT__SECRETS` in any case,
    // the rest split on `__` with its case kept): one entry per secret, in order of appearance;
    // `NAME__KEY` variables merge into an object secret. Each leaf value goes through decodeEnv in `world`.
    static QList<PrefectSecretEntry> contextSecrets(const QList<EnvAssignment> &assignments,
                                                    const PrefectEnvironment &world);
    // Plain variables read verbatim (EnvVarSecret), one entry per requested name.
    static QList<PrefectSecretEntry> plainVariables(const QList<EnvAssignment> &assignments,
                                                    const QStringList &names);

    // For a PREFECT__ variable name, the key path under context.secrets ({"AWS", "ACCESS_KEY"}), or
    // nullopt when Prefect does not put it into context.secrets.
    static std::optional<QStringList> secretPath(const QString &variable);
};

} // namespace secretdesk
