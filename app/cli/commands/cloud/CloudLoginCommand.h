#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudLoginCommand : public Command {
public:
    QString name() const override { return QStringLiteral("login"); }
    QString summary() const override
    {
        return QStringLiteral("Link the profile to a remote; the API key is read from stdin or a no-echo "
                              "prompt and kept in the keychain.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
