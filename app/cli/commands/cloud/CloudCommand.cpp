#include "app/cli/commands/cloud/CloudCommand.h"

#include "app/cli/CommandLine.h"
#include "app/cli/ExitCode.h"
#include "app/cli/commands/cloud/CloudDiffCommand.h"
#include "app/cli/commands/cloud/CloudLoginCommand.h"
#include "app/cli/commands/cloud/CloudLogoutCommand.h"
#include "app/cli/commands/cloud/CloudPullCommand.h"
#include "app/cli/commands/cloud/CloudPushCommand.h"
#include "app/cli/commands/cloud/CloudRmRemoteCommand.h"
#include "app/cli/commands/cloud/CloudStatusCommand.h"

namespace secretdesk::cli {

CloudCommand::CloudCommand()
{
    m_subcommands.push_back(std::make_unique<CloudLoginCommand>());
    m_subcommands.push_back(std::make_unique<CloudStatusCommand>());
    m_subcommands.push_back(std::make_unique<CloudDiffCommand>());
    m_subcommands.push_back(std::make_unique<CloudPushCommand>());
    m_subcommands.push_back(std::make_unique<CloudPullCommand>());
    m_subcommands.push_back(std::make_unique<CloudRmRemoteCommand>());
    m_subcommands.push_back(std::make_unique<CloudLogoutCommand>());
}

CloudCommand::~CloudCommand() = default;

int CloudCommand::run(CliContext &context, const QStringList &args)
{
    const QString sub = args.value(1);
    for (const auto &command : m_subcommands) {
        if (command->name() == sub)
            return command->run(context, args.mid(1));
    }
    QString help = QStringLiteral("Usage: secretdesk-cli [--profile P] cloud SUBCOMMAND [options]\n\n%1\n\n"
                                  "Subcommands (SUBCOMMAND --help shows its options):\n")
                       .arg(summary());
    for (const auto &command : m_subcommands)
        help += QStringLiteral("  %1  %2\n").arg(command->name().leftJustified(10), command->summary());
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        context.print(help + QLatin1Char('\n') + QString::fromLatin1(exitCodeTable()));
        return ExitOk;
    }
    context.err->write(help.toUtf8());
    return context.usage(sub.isEmpty() ? QStringLiteral("cloud needs a SUBCOMMAND")
                                       : QStringLiteral("unknown cloud subcommand '%1'").arg(sub));
}

void addCloudCommands(CommandLine &commandLine)
{
    commandLine.add(std::make_unique<CloudCommand>());
}

} // namespace secretdesk::cli
