#pragma once

#include "app/cli/Command.h"
#include "app/cli/SecretSelection.h"

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

private:
    int exportToml(CliContext &context, const QCommandLineParser &parser, const SecretSelection &selection,
                   QString configFile, const QString &output);
};

} // namespace secretdesk::cli
