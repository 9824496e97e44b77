#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class RmCommand : public Command {
public:
    QString name() const override { return QStringLiteral("rm"); }
    QString summary() const override
    {
        return QStringLiteral("Delete secrets from the keychain and the catalog.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
