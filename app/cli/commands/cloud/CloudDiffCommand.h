#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class CloudDiffCommand : public Command {
public:
    QString name() const override { return QStringLiteral("diff"); }
    QString summary() const override
    {
        return QStringLiteral("Compare local and remote secrets by name and value (same, changed, unknown), "
                              "never showing values.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
