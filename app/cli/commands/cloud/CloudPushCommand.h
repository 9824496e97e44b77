#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudPushCommand : public Command {
public:
    QString name() const override { return QStringLiteral("push"); }
    QString summary() const override
    {
        return QStringLiteral("Create or update remote secrets from local ones.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
