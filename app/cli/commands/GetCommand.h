#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class GetCommand : public Command {
public:
    QString name() const override { return QStringLiteral("get"); }
    QString summary() const override
    {
        return QStringLiteral("Print a secret's value, exactly as stored, to standard output.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
