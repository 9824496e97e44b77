#include "app/cli/CommandLine.h"
#include "app/cli/commands/DoctorCommand.h"
#include "app/cli/commands/ExportCommand.h"
#include "app/cli/commands/GetCommand.h"
#include "app/cli/commands/ImportCommand.h"
#include "app/cli/commands/ListCommand.h"
#include "app/cli/commands/ProfilesCommand.h"
#include "app/cli/commands/RenameCommand.h"
#include "app/cli/commands/RmCommand.h"
#include "app/cli/commands/RunCommand.h"
#include "app/cli/commands/SetCommand.h"
#include "app/cli/commands/ValidateCommand.h"
#include "app/cli/commands/cloud/CloudCommand.h"

namespace secretdesk::cli {

void addBuiltinCommands(CommandLine &commandLine)
{
    commandLine.add(std::make_unique<ListCommand>());
    commandLine.add(std::make_unique<GetCommand>());
    commandLine.add(std::make_unique<SetCommand>());
    commandLine.add(std::make_unique<RmCommand>());
    commandLine.add(std::make_unique<RenameCommand>());
    commandLine.add(std::make_unique<ProfilesCommand>());
    commandLine.add(std::make_unique<ValidateCommand>());
    commandLine.add(std::make_unique<ExportCommand>());
    commandLine.add(std::make_unique<RunCommand>());
    commandLine.add(std::make_unique<ImportCommand>());
    addCloudCommands(commandLine);
    commandLine.add(std::make_unique<DoctorCommand>());
}

} // namespace secretdesk::cli
