#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class ExportCommand : public Command {
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Print the secrets as variables for a shell, a dotenv reader, CI or Prefect's config.toml.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
