#include "app/cli/CliContext.h"

#include "app/cli/ExitCode.h"

namespace secretdesk::cli {

int CliContext::fail(const Diagnostic &diagnostic) const
{
    message(QStringLiteral("secretdesk-cli: ") + diagnostic.toString());
    if (!diagnostic.fix.isEmpty())
        message(QStringLiteral("  fix: ") + diagnostic.fix);
    return exitCodeFor(diagnostic.failure);
}

int CliContext::usage(const QString &text) const
{
    message(QStringLiteral("secretdesk-cli: ") + text + QStringLiteral(" (see --help)"));
    return ExitInvalid;
}

} // namespace secretdesk::cli
