#include "core/exporters/ExporterRegistry.h"

#include "core/exporters/CmdExporter.h"
#include "core/exporters/DockerEnvExporter.h"
#include "core/exporters/DotenvExporter.h"
#include "core/exporters/FishExporter.h"
#include "core/exporters/GithubActionsExporter.h"
#include "core/exporters/JsonExporter.h"
#include "core/exporters/PosixExporter.h"
#include "core/exporters/PowerShellExporter.h"

namespace secretdesk {

ExporterRegistry ExporterRegistry::withBuiltins()
{
    ExporterRegistry registry;
    registry.add(std::make_shared<PosixExporter>(PosixExporter::Dialect::Posix));
    registry.add(std::make_shared<PosixExporter>(PosixExporter::Dialect::Bash));
    registry.add(std::make_shared<PosixExporter>(PosixExporter::Dialect::Zsh));
    registry.add(std::make_shared<FishExporter>());
    registry.add(std::make_shared<PowerShellExporter>());
    registry.add(std::make_shared<CmdExporter>());
    registry.add(std::make_shared<DotenvExporter>());
    registry.add(std::make_shared<DockerEnvExporter>());
    registry.add(std::make_shared<JsonExporter>());
    registry.add(std::make_shared<GithubActionsExporter>());
    return registry;
}

void ExporterRegistry::add(std::shared_ptr<const Exporter> exporter)
{
    if (!exporter)
        return;
    for (auto &existing : m_exporters) {
        if (existing->id() == exporter->id()) {
            existing = std::move(exporter);
            return;
        }
    }
    m_exporters.push_back(std::move(exporter));
}

const Exporter *ExporterRegistry::find(const QString &id) const
{
    for (const auto &exporter : m_exporters) {
        if (exporter->id() == id)
            return exporter.get();
    }
    return nullptr;
}

Result<const Exporter *> ExporterRegistry::lookup(const QString &id) const
{
    if (const Exporter *exporter = find(id))
        return exporter;
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("EXPORT_UNKNOWN_TARGET"),
                             QStringLiteral("unknown export target \"%1\"; known targets: %2")
                                 .arg(id, ids().join(QStringLiteral(", "))));
}

QStringList ExporterRegistry::ids() const
{
    QStringList ids;
    for (const auto &exporter : m_exporters)
        ids.append(exporter->id());
    return ids;
}

} // namespace secretdesk
