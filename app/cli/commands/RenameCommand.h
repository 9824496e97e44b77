#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class RenameCommand : public Command {
public:
    QString name() const override { return QStringLiteral("rename"); }
    QString summary() const override { return QStringLiteral("Rename a secret (value and metadata)."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
