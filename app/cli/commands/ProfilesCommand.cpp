#include "app/cli/commands/ProfilesCommand.h"

#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

int ProfilesCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    if (const int rc = parse(parser, context, args, QStringLiteral("profiles")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("profiles takes no arguments"));
    auto profiles = context.store->profiles();
    if (!profiles)
        return context.fail(profiles.error());
    for (const QString &profile : *profiles)
        context.print(profile + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace secretdesk::cli
