#include "app/cli/commands/ImportCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/importing/ImportPlan.h"
#include "core/importing/ImportRun.h"
#include "core/importing/ImportSource.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

int ImportCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fromEnvironment(
        QStringLiteral("from-environment"),
        QStringLiteral("Read PREFECT__CONTEXT__SECRETS__* from this process's environment."));
    const QCommandLineOption fromEnvFile(QStringLiteral("from-env-file"),
                                         QStringLiteral("Read a dotenv/env file."), QStringLiteral("file"));
    const QCommandLineOption fromConfig(
        QStringLiteral("from-config-toml"),
        QStringLiteral("Read [context.secrets] of Prefect's config.toml (default: "
                       "$PREFECT__USER_CONFIG_PATH or ~/.prefect/config.toml)."));
    const QCommandLineOption configPath(QStringLiteral("config"), QStringLiteral("The config.toml to read."),
                                        QStringLiteral("file"));
    const QCommandLineOption plain(
        QStringLiteral("plain"),
        QStringLiteral("Also import these plain variables (for EnvVarSecret), comma-separated."),
        QStringLiteral("a,b"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Show what would change; change nothing."));
    const QCommandLineOption onConflict(
        QStringLiteral("on-conflict"),
        QStringLiteral("When a name exists: skip, overwrite, or fail (default)."), QStringLiteral("policy"),
        QStringLiteral("fail"));
    parser.addOptions({fromEnvironment, fromEnvFile, fromConfig, configPath, plain, dryRun, onConflict});
    if (const int rc = parse(
            parser, context, args,
            QStringLiteral("import (--from-environment | --from-env-file FILE | --from-config-toml "
                           "[--config FILE]) [--plain a,b] [--dry-run] [--on-conflict skip|overwrite|fail]"));
        rc >= 0)
        return rc;
    const int sources =
        int(parser.isSet(fromEnvironment)) + int(parser.isSet(fromEnvFile)) + int(parser.isSet(fromConfig));
    if (sources != 1)
        return context.usage(QStringLiteral(
            "name exactly one source: --from-environment, --from-env-file or --from-config-toml"));
    const std::optional<ImportConflict> policy = importConflictFromName(parser.value(onConflict));
    if (!policy)
        return context.usage(QStringLiteral("--on-conflict takes skip, overwrite or fail"));
    const QStringList plainNames = parser.value(plain).split(QLatin1Char(','), Qt::SkipEmptyParts);

    ImportSource source = ImportSource::environment(plainNames);
    if (parser.isSet(fromEnvFile))
        source = ImportSource::envFile(parser.value(fromEnvFile), plainNames);
    else if (parser.isSet(fromConfig))
        source = ImportSource::configToml(parser.isSet(configPath) ? parser.value(configPath) : QString());
    const Result<QList<PrefectSecretEntry>> found = source.read();
    if (!found)
        return context.fail(found.error());

    // Decide everything before writing anything: a refusal or conflict leaves the store as it was.
    const ImportPlan plan = ImportPlan::build(*found, *context.store, context.profile, *policy);
    for (const Diagnostic &d : plan.diagnostics())
        context.fail(d);
    context.print(QStringLiteral("%1  %2  %3\n")
                      .arg(QStringLiteral("NAME").leftJustified(32), QStringLiteral("TYPE  "),
                           QStringLiteral("ACTION")));
    for (const ImportItem &item : plan.items()) {
        if (item.action == ImportItem::Action::Block)
            continue;
        context.print(QStringLiteral("%1  %2  %3\n")
                          .arg(item.secretName->toString().leftJustified(32),
                               SecretValue::typeName(item.value->type()).leftJustified(6),
                               item.actionName()));
    }
    if (plan.blocked()) {
        context.message(QStringLiteral("secretdesk-cli: nothing imported (see the problems above)"));
        return ExitInvalid;
    }
    if (parser.isSet(dryRun)) {
        context.message(QStringLiteral("Dry run: nothing changed"));
        return ExitOk;
    }
    ImportRun importRun(context.store, plan);
    const ImportOutcome outcome = await<ImportOutcome>([&](QObject *, auto done) { importRun.start(done); });
    if (outcome.failure) {
        if (outcome.rollbackFailure) {
            context.message(QStringLiteral("secretdesk-cli: imported %1 of %2 before this failure, and could "
                                           "not undo all of them (run doctor):")
                                .arg(outcome.reached)
                                .arg(outcome.total));
            context.fail(*outcome.rollbackFailure);
        } else if (outcome.reached > 0) {
            context.message(QStringLiteral("secretdesk-cli: nothing imported: the %1 secrets written before "
                                           "this failure were put back:")
                                .arg(outcome.reached));
        }
        return context.fail(*outcome.failure);
    }
    context.message(QStringLiteral("Imported %1 secrets into profile '%2'")
                        .arg(outcome.written)
                        .arg(context.profile.toString()));
    return ExitOk;
}

} // namespace secretdesk::cli
