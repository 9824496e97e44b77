#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class SetCommand : public Command {
public:
    QString name() const override { return QStringLiteral("set"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Create or update a secret. The value is read from --stdin, --from-file or a no-echo "
            "prompt, never from the command line.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
