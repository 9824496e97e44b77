#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudLogoutCommand : public Command {
public:
    QString name() const override { return QStringLiteral("logout"); }
    QString summary() const override
    {
        return QStringLiteral("Forget the linked remote and remove its API key from the keychain.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
