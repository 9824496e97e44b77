#include "app/cli/CommandLine.h"
#include "app/cli/commands/GetCommand.h"
#include "app/cli/commands/ListCommand.h"
#include "app/cli/commands/ProfilesCommand.h"
#include "app/cli/commands/RmCommand.h"
#include "app/cli/commands/SetCommand.h"

namespace secretdesk::cli {

void addBuiltinCommands(CommandLine &commandLine)
{
    commandLine.add(std::make_unique<ListCommand>());
    commandLine.add(std::make_unique<GetCommand>());
    commandLine.add(std::make_unique<SetCommand>());
    commandLine.add(std::make_unique<RmCommand>());
    commandLine.add(std::make_unique<ProfilesCommand>());
}

} // namespace secretdesk::cli
