#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class ProfilesCommand : public Command {
public:
    QString name() const override { return QStringLiteral("profiles"); }
    QString summary() const override { return QStringLiteral("List the profiles, one per line."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
