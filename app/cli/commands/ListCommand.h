#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class ListCommand : public Command {
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override
    {
        return QStringLiteral("List the profile's secrets (names and metadata, never values).");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
