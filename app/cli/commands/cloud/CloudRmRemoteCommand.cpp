#include "app/cli/commands/cloud/CloudRmRemoteCommand.h"

#include "app/cli/Await.h"
#include "app/cli/commands/cloud/CloudSession.h"

namespace secretdesk::cli {

int CloudRmRemoteCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Local or remote names."),
                                 QStringLiteral("NAME..."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Show what would change; change nothing."));
    parser.addOption(dryRun);
    if (const int rc = parse(parser, context, args, QStringLiteral("cloud rm-remote NAME... [--dry-run]"));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("cloud rm-remote needs at least one NAME"));
    auto session = CloudSession::open(context);
    if (!session)
        return context.fail(session.error());
    const SyncReport report = await<SyncReport>([&](QObject *ctx, auto done) {
        session.value()->sync().removeRemote(parser.positionalArguments(), parser.isSet(dryRun), ctx, done);
    });
    return CloudSession::report(context, report, QStringLiteral("Remove remote"));
}

} // namespace secretdesk::cli
