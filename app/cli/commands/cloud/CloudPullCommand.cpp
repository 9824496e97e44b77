#include "app/cli/commands/cloud/CloudPullCommand.h"

#include "app/cli/Await.h"
#include "app/cli/commands/cloud/CloudSession.h"

namespace secretdesk::cli {

int CloudPullCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption names(QStringLiteral("names"),
                                   QStringLiteral("Only these secrets (local or remote names, a,b,c)."),
                                   QStringLiteral("a,b"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Show what would change; change nothing."));
    const QCommandLineOption onConflict(QStringLiteral("on-conflict"),
                                        QStringLiteral("When a local value differs: skip, overwrite, or fail "
                                                       "(default: fail, and nothing changes)."),
                                        QStringLiteral("policy"), QStringLiteral("fail"));
    parser.addOptions({names, dryRun, onConflict});
    if (const int rc =
            parse(parser, context, args,
                  QStringLiteral("cloud pull [--names a,b] [--dry-run] [--on-conflict skip|overwrite|fail]"));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("cloud pull selects secrets with --names a,b"));
    auto policy = conflictPolicyFromName(parser.value(onConflict));
    if (!policy)
        return context.fail(policy.error());
    auto session = CloudSession::open(context);
    if (!session)
        return context.fail(session.error());
    CloudSync::PullOptions options;
    options.names = parser.value(names).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.dryRun = parser.isSet(dryRun);
    options.onConflict = *policy;
    const SyncReport report =
        await<SyncReport>([&](QObject *ctx, auto done) { session.value()->sync().pull(options, ctx, done); });
    return CloudSession::report(context, report, QStringLiteral("Pull"));
}

} // namespace secretdesk::cli
