#include "app/cli/commands/cloud/CloudLogoutCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/cloud/CloudLink.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

int CloudLogoutCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    if (const int rc = parse(parser, context, args, QStringLiteral("cloud logout")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("cloud logout takes no arguments"));
    const Status removed = await<Status>([&](QObject *ctx, auto done) {
        context.store->vault()->remove(CloudLink::apiKeyKey(context.profile), ctx, done);
    });
    if (!removed && removed.error().failure != Failure::NotFound)
        return context.fail(removed.error());
    if (const Status cleared = CloudLink::clear(context.store->catalogFile(), context.profile); !cleared)
        return context.fail(cleared.error());
    context.message(
        QStringLiteral("Profile '%1' is no longer linked; its API key was removed from the keychain")
            .arg(context.profile.toString()));
    return ExitOk;
}

} // namespace secretdesk::cli
