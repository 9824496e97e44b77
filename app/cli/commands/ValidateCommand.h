#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

class ValidateCommand : public Command {
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Check a default secret (GCP, AWS, GitHub, ...) offline; exit 1 when it has errors.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
