#include "app/cli/commands/cloud/CloudPushCommand.h"

#include "app/cli/Await.h"
#include "app/cli/commands/cloud/CloudSession.h"

namespace secretdesk::cli {

int CloudPushCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption names(
        QStringLiteral("names"), QStringLiteral("Only these local secrets (a,b,c)."), QStringLiteral("a,b"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Show what would change; change nothing."));
    parser.addOptions({names, dryRun});
    if (const int rc = parse(parser, context, args, QStringLiteral("cloud push [--names a,b] [--dry-run]"));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("cloud push selects secrets with --names a,b"));
    auto session = CloudSession::open(context);
    if (!session)
        return context.fail(session.error());
    const QStringList selected = parser.value(names).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const SyncReport report = await<SyncReport>([&](QObject *ctx, auto done) {
        session.value()->sync().push(selected, parser.isSet(dryRun), ctx, done);
    });
    return CloudSession::report(context, report, QStringLiteral("Push"));
}

} // namespace secretdesk::cli
