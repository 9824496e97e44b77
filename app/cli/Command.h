#pragma once

#include "app/cli/CliContext.h"

#include <QCommandLineParser>
#include <QStringList>

namespace secretdesk::cli {

// One CLI command: its name, a one-line summary, and a run() over already-split arguments.
class Command {
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // `args` starts with the command name, as QCommandLineParser expects.
    virtual int run(CliContext &context, const QStringList &args) = 0;

protected:
    // Adds --help and --profile, parses, and reports usage errors. Returns -1 when the command should go on.
    int parse(QCommandLineParser &parser, CliContext &context, const QStringList &args,
              const QString &syntax);
};

} // namespace secretdesk::cli
