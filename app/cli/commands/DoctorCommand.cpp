#include "app/cli/commands/DoctorCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"

namespace secretdesk::cli {

namespace {
QString line(const StoreProblem &p, bool repaired)
{
    return QStringLiteral("%1  %2/%3  %4; %5%6\n")
        .arg(StoreProblem::kindName(p.kind).leftJustified(13), p.profile.toString(), p.name.toString(),
             p.detail, repaired ? QStringLiteral("done: ") : QStringLiteral("--repair will "), p.fixText());
}
} // namespace

int DoctorCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption repair(
        QStringLiteral("repair"), QStringLiteral("Fix what is found: adopt orphan values into the catalog "
                                                 "(kind detected), drop entries whose value is gone, finish "
                                                 "interrupted renames, clear interrupted intents."));
    const QCommandLineOption discard(QStringLiteral("discard"),
                                     QStringLiteral("With --repair: delete the orphan value NAME from the "
                                                    "keychain instead of adopting it (repeatable)."),
                                     QStringLiteral("NAME"));
    parser.addOptions({repair, discard});
    if (const int rc = parse(parser, context, args,
                             QStringLiteral("doctor [--repair [--discard NAME]...] [--profile P]"));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("doctor takes no arguments"));
    if (parser.isSet(discard) && !parser.isSet(repair))
        return context.usage(QStringLiteral("--discard needs --repair"));

    Result<QList<StoreProblem>> result = QList<StoreProblem>();
    if (parser.isSet(repair)) {
        RepairOptions options;
        for (const QString &text : parser.values(discard)) {
            auto name = SecretName::parse(text);
            if (!name)
                return context.fail(name.error());
            options.discard.append({context.profile, *name});
        }
        const ValidatorRegistry registry;
        options.kindOf = [registry](const SecretName &name, const SecretValue &value) {
            const QString byName = registry.kindForName(name.toString());
            return byName.isEmpty() ? registry.detectKind(value.utf8()) : byName;
        };
        result = await<Result<QList<StoreProblem>>>(
            [&](QObject *ctx, auto done) { context.store->repair(options, ctx, done); });
    } else {
        result = await<Result<QList<StoreProblem>>>(
            [&](QObject *ctx, auto done) { context.store->check(ctx, done); });
    }
    if (!result)
        return context.fail(result.error());
    for (const StoreProblem &p : *result)
        context.print(line(p, parser.isSet(repair)));
    if (parser.isSet(repair)) {
        context.message(result->isEmpty() ? QStringLiteral("Nothing to repair: catalog and keychain agree.")
                                          : QStringLiteral("Repaired %1 problem(s).").arg(result->size()));
        return ExitOk;
    }
    if (result->isEmpty()) {
        context.message(QStringLiteral("Catalog and keychain agree."));
        return ExitOk;
    }
    context.message(
        QStringLiteral("%1 problem(s); run secretdesk-cli doctor --repair to fix them.").arg(result->size()));
    return ExitInvalid;
}

} // namespace secretdesk::cli
