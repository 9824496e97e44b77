#pragma once

#include "core/model/Result.h"
#include "core/prefect/PrefectEnvironment.h"
#include "core/prefect/PrefectSecretEntry.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace secretdesk {

// Where an import reads Prefect secrets from, and the secrets found there as Prefect 1.x reads them.
// Codes: IMPORT001 the env file cannot be read; the config.toml and env-file parsers add their own
// (PREFECT04x, PREFECT05x, PREFECT06x, DOTENV001), each pointing at file:line:column.
struct ImportSource {
    enum class Kind { Environment, EnvFile, ConfigToml };

    Kind kind = Kind::Environment;
    // The env file, or the config.toml (empty: ConfigTomlFile::defaultPath()).
    QString path;
    // Plain variables (for EnvVarSecret) read verbatim as well; the environment and env files only.
    QStringList plainNames;

    static ImportSource environment(const QStringList &plainNames = {});
    static ImportSource envFile(const QString &path, const QStringList &plainNames = {});
    static ImportSource configToml(const QString &path = {});

    // The file actually read: `path`, or the default config.toml; empty for the environment.
    QString effectivePath(const PrefectEnvironment &world = PrefectEnvironment::current()) const;

    // Every secret of the source in the order found. An unreadable file, invalid TOML or an env-file
    // statement python-dotenv skips fails the whole read; per-secret problems stay on the entries.
    Result<QList<PrefectSecretEntry>> read() const;
    // The same with an explicit process environment (for the Environment kind) and Prefect world.
    Result<QList<PrefectSecretEntry>> read(const QProcessEnvironment &environment,
                                           const PrefectEnvironment &world) const;
};

} // namespace secretdesk
