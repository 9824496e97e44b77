#pragma once

#include "app/cli/Command.h"

#include <memory>
#include <vector>

namespace secretdesk::cli {

class CommandLine;

// `cloud SUBCOMMAND ...`: sync with Prefect Cloud or a Prefect server.
class CloudCommand : public Command {
public:
    CloudCommand();
    ~CloudCommand() override;
    QString name() const override { return QStringLiteral("cloud"); }
    QString summary() const override
    {
        return QStringLiteral("Sync with Prefect Cloud or a Prefect server: login, status, diff, push, pull, "
                              "rm-remote, logout.");
    }
    int run(CliContext &context, const QStringList &args) override;

private:
    std::vector<std::unique_ptr<Command>> m_subcommands;
};

void addCloudCommands(CommandLine &commandLine);

} // namespace secretdesk::cli
