#pragma once

#include "core/model/Diagnostic.h"
#include "core/model/SecretValue.h"
#include "core/prefect/PrefectPipeline.h"

#include <QList>
#include <QString>

#include <optional>

namespace secretdesk {

// One secret found in a Prefect configuration (config.toml, the environment, an env file), as
// Prefect 1.x reads it, and what Secretdesk would store for it.
struct PrefectSecretEntry {
    QString name;      // the key under context.secrets (or the plain variable's name), case kept
    QString origin;    // where it was set: "config.toml", or the variable name(s) that set it
    Location location; // file:line:column of its definition (first one for merged variables)
    // What Prefect sees (context value and Secret.get()); absent when Prefect fails on it.
    std::optional<PrefectReading> reading;
    // What Secretdesk would store: Secret.get()'s result when it is a str or a JSON-like dict.
    std::optional<SecretValue> value;
    // Errors (nothing to import) and warnings (imported, but read the note). No value in them.
    QList<Diagnostic> diagnostics;

    bool importable() const { return value.has_value(); }
};

} // namespace secretdesk
