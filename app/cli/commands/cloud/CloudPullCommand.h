#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudPullCommand : public Command {
public:
    QString name() const override { return QStringLiteral("pull"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Copy remote secrets into the profile; nothing changes locally unless all of them can be taken.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
