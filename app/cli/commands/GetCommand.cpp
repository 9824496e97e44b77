#include "app/cli/commands/GetCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

int GetCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The secret's name."));
    if (const int rc = parse(parser, context, args, QStringLiteral("get NAME")); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("get takes exactly one NAME"));
    auto name = SecretName::parse(parser.positionalArguments().constFirst());
    if (!name)
        return context.fail(name.error());

    auto value = await<Result<SecretValue>>(
        [&](QObject *ctx, auto done) { context.store->readValue(context.profile, *name, ctx, done); });
    if (!value)
        return context.fail(value.error());
    // Exactly the value: no newline, nothing else on stdout.
    context.write(value->utf8());
    return ExitOk;
}

} // namespace secretdesk::cli
