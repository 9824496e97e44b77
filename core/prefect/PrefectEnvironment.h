#pragma once

#include "core/prefect/PythonValue.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace secretdesk {

// The world a Prefect process sees while it loads its configuration: environment variables (for
// os.path.expandvars), home folders (os.path.expanduser) and other config keys (for `${a.b}`).
struct PrefectEnvironment {
    // os.environ[name], or nullopt when unset.
    std::function<std::optional<QString>(const QString &name)> variable;
    // The home folder of a user (pwd.getpwnam); an empty name means the current user.
    std::function<std::optional<QString>(const QString &user)> userHome;
    // The config value at a key path (e.g. {"cloud", "api"}); nullopt when missing (Prefect uses "").
    std::function<std::optional<PythonValue>(const QStringList &path)> configValue;

    // This process's environment and the system's user database; no other config keys.
    static PrefectEnvironment current();
    // Only the given variables; `~` is `home` (or $HOME when the map has it); no other users or keys.
    static PrefectEnvironment fromMap(const QHash<QString, QString> &variables, const QString &home);
    // Every variable, user and config key exists (with a value unlike any text): a text decodes the
    // same here as in the empty world only when nothing in it can ever be expanded. The codec checks
    // its candidates here so that they hold on any machine.
    static PrefectEnvironment everythingDefined();
};

} // namespace secretdesk
