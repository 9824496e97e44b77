#pragma once

#include "app/cli/CliContext.h"
#include "app/cli/Command.h"

#include <memory>
#include <vector>

namespace secretdesk::cli {

// The command table and the global options; runs one command line against a context.
class CommandLine {
public:
    CommandLine();
    ~CommandLine();
    void add(std::unique_ptr<Command> command);
    // `args` is the full argv (args[0] is the program).
    int run(CliContext &context, const QStringList &args);
    QString helpText() const;

private:
    Command *find(const QString &name) const;
    std::vector<std::unique_ptr<Command>> m_commands;
};

// Every built-in command, in help order.
void addBuiltinCommands(CommandLine &commandLine);

} // namespace secretdesk::cli
