#pragma once

#include "core/exporters/Exporter.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace secretdesk {

// The export targets by id. withBuiltins() holds posix, bash, zsh, fish, powershell, cmd, dotenv,
// docker-env, json and github-actions; targets built in other modules (prefect-toml) are added
// with add() by whoever assembles the application, so this module does not depend on them.
class ExporterRegistry {
public:
    static ExporterRegistry withBuiltins();

    // Adds a target, or replaces the one with the same id.
    void add(std::shared_ptr<const Exporter> exporter);

    // The target with this id, or null.
    const Exporter *find(const QString &id) const;
    // The target with this id, or an EXPORT_UNKNOWN_TARGET diagnostic listing the known ids.
    Result<const Exporter *> lookup(const QString &id) const;
    // Ids in registration order.
    QStringList ids() const;

private:
    std::vector<std::shared_ptr<const Exporter>> m_exporters;
};

} // namespace secretdesk
