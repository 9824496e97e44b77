#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class ImportCommand : public Command {
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Import secrets as Prefect reads them: from the environment, an env file or config.toml.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
