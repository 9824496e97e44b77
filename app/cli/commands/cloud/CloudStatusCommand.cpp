#include "app/cli/commands/cloud/CloudStatusCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "app/cli/commands/cloud/CloudSession.h"

namespace secretdesk::cli {

int CloudStatusCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    if (const int rc = parse(parser, context, args, QStringLiteral("cloud status")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("cloud status takes no arguments"));
    auto session = CloudSession::open(context);
    if (!session)
        return context.fail(session.error());
    const SyncReport report =
        await<SyncReport>([&](QObject *ctx, auto done) { session.value()->sync().status(ctx, done); });
    context.print(QStringLiteral("Profile '%1' is linked to %2\n")
                      .arg(context.profile.toString(), CloudSession::describe(session.value()->link())));
    if (report.failure)
        return context.fail(*report.failure);
    int counts[3] = {0, 0, 0};
    for (const SyncItem &item : report.items) {
        ++counts[static_cast<int>(item.presence)];
        context.print(QStringLiteral("%1  %2  %3\n")
                          .arg(presenceName(item.presence).leftJustified(11),
                               (item.localName.isEmpty() ? QStringLiteral("-") : item.localName),
                               item.remoteName));
    }
    context.print(QStringLiteral("%1 local only, %2 remote only, %3 in both\n")
                      .arg(counts[static_cast<int>(Presence::LocalOnly)])
                      .arg(counts[static_cast<int>(Presence::RemoteOnly)])
                      .arg(counts[static_cast<int>(Presence::Both)]));
    return ExitOk;
}

} // namespace secretdesk::cli
