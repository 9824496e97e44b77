#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudStatusCommand : public Command {
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Show the linked remote and which secrets are local only, remote only or in both.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
