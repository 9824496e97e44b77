#include "app/cli/commands/RenameCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

int RenameCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("The secret's current name."));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("Its new name (must not exist)."));
    if (const int rc = parse(parser, context, args, QStringLiteral("rename OLD NEW")); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 2)
        return context.usage(QStringLiteral("rename takes exactly OLD and NEW"));
    auto from = SecretName::parse(parser.positionalArguments().at(0));
    if (!from)
        return context.fail(from.error());
    auto to = SecretName::parse(parser.positionalArguments().at(1));
    if (!to)
        return context.fail(to.error());
    const auto renamed = await<Result<SecretRecord>>(
        [&](QObject *ctx, auto done) { context.store->rename(context.profile, *from, *to, ctx, done); });
    if (!renamed)
        return context.fail(renamed.error());
    context.message(QStringLiteral("Renamed %1 to %2 in profile '%3'")
                        .arg(from->toString(), to->toString(), context.profile.toString()));
    return ExitOk;
}

} // namespace secretdesk::cli
