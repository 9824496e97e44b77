#include "app/cli/commands/RmCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

int RmCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The secrets to delete."),
                                 QStringLiteral("NAME..."));
    if (const int rc = parse(parser, context, args, QStringLiteral("rm NAME...")); rc >= 0)
        return rc;
    if (parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("rm needs at least one NAME"));
    // Check every name first, so a typo in the third name does not leave the first two deleted.
    QList<SecretName> names;
    for (const QString &text : parser.positionalArguments()) {
        auto name = SecretName::parse(text);
        if (!name)
            return context.fail(name.error());
        if (auto found = context.store->record(context.profile, *name); !found)
            return context.fail(found.error());
        names.append(*name);
    }
    for (const SecretName &name : names) {
        const Status removed = await<Status>(
            [&](QObject *ctx, auto done) { context.store->remove(context.profile, name, ctx, done); });
        if (!removed)
            return context.fail(removed.error());
        context.message(QStringLiteral("Deleted %1").arg(name.toString()));
    }
    return ExitOk;
}

} // namespace secretdesk::cli
