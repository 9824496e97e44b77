#pragma once

#include "app/cli/Command.h"

namespace secretdesk::cli {

// Lists where the catalog and the keychain disagree (interrupted writes, orphan values, entries
// without a value) and, with --repair, makes them agree without deleting any value it was not told to.
class DoctorCommand : public Command {
public:
    QString name() const override { return QStringLiteral("doctor"); }
    QString summary() const override
    {
        return QStringLiteral("Check that the catalog and the keychain agree; --repair fixes it.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace secretdesk::cli
