#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class RunCommand : public Command {
public:
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override
    {
        return QStringLiteral("Run a command with the secrets in its environment, writing nothing to disk.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
