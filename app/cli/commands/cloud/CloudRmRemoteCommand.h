#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudRmRemoteCommand : public Command {
public:
    QString name() const override { return QStringLiteral("rm-remote"); }
    QString summary() const override
    {
        return QStringLiteral("Delete secrets at the remote (by local or remote name).");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
