#include "app/cli/commands/ImportCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/DotenvParser.h"
#include "core/prefect/PrefectEnvImport.h"
#include "core/store/SecretStore.h"

#include <QFile>
#include <QProcessEnvironment>

namespace secretdesk::cli {

namespace {
enum class Conflict { Skip, Overwrite, Fail };

Result<QList<PrefectSecretEntry>> readEnvFile(const QString &path, const QStringList &plainNames)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Location where;
        where.file = path;
        return Diagnostic::error(file.exists() ? Failure::Io : Failure::NotFound, QStringLiteral("IMPORT001"),
                                 QStringLiteral("cannot read the file: %1").arg(file.errorString()), where);
    }
    const DotenvParser::Parsed parsed = DotenvParser::parse(file.readAll(), path);
    if (!parsed.warnings.isEmpty())
        return parsed.warnings.constFirst();
    QList<PrefectSecretEntry> entries =
        PrefectEnvImport::contextSecrets(parsed.assignments, PrefectEnvironment::current());
    entries += PrefectEnvImport::plainVariables(parsed.assignments, plainNames);
    return entries;
}
} // namespace

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
    Conflict policy = Conflict::Fail;
    if (parser.value(onConflict) == QLatin1String("skip"))
        policy = Conflict::Skip;
    else if (parser.value(onConflict) == QLatin1String("overwrite"))
        policy = Conflict::Overwrite;
    else if (parser.value(onConflict) != QLatin1String("fail"))
        return context.usage(QStringLiteral("--on-conflict takes skip, overwrite or fail"));
    const QStringList plainNames = parser.value(plain).split(QLatin1Char(','), Qt::SkipEmptyParts);

    Result<QList<PrefectSecretEntry>> found = QList<PrefectSecretEntry>();
    if (parser.isSet(fromEnvironment)) {
        const auto assignments = PrefectEnvImport::fromEnvironment(QProcessEnvironment::systemEnvironment());
        QList<PrefectSecretEntry> entries =
            PrefectEnvImport::contextSecrets(assignments, PrefectEnvironment::current());
        entries += PrefectEnvImport::plainVariables(assignments, plainNames);
        found = entries;
    } else if (parser.isSet(fromEnvFile)) {
        found = readEnvFile(parser.value(fromEnvFile), plainNames);
    } else {
        const QString path =
            parser.isSet(configPath) ? parser.value(configPath) : ConfigTomlFile::defaultPath();
        found = ConfigTomlFile::readSecretsFile(path, PrefectEnvironment::current());
    }
    if (!found)
        return context.fail(found.error());

    // Decide everything before writing anything: a refusal or conflict leaves the store as it was.
    struct Planned {
        SecretName name;
        SecretValue value;
        QString action;
    };
    QList<Planned> plan;
    bool blocked = false;
    for (const PrefectSecretEntry &entry : *found) {
        for (const Diagnostic &d : entry.diagnostics) {
            if (d.severity != Severity::Error)
                context.fail(d);
        }
        auto name = SecretName::parse(entry.name);
        if (!entry.importable() || !name) {
            for (const Diagnostic &d : entry.diagnostics) {
                if (d.severity == Severity::Error)
                    context.fail(d);
            }
            if (!name) {
                Diagnostic d = name.error();
                d.location = entry.location;
                context.fail(d);
            }
            blocked = true;
            continue;
        }
        QString action = QStringLiteral("new");
        if (context.store->record(context.profile, *name)) {
            if (policy == Conflict::Fail) {
                Diagnostic d =
                    Diagnostic::error(Failure::Conflict, QStringLiteral("IMPORT002"),
                                      QStringLiteral("'%1' already exists in profile '%2' (use --on-conflict "
                                                     "skip or overwrite)")
                                          .arg(entry.name, context.profile.toString()),
                                      entry.location);
                context.fail(d);
                blocked = true;
                continue;
            }
            action = policy == Conflict::Skip ? QStringLiteral("skip") : QStringLiteral("overwrite");
        }
        plan.append({*name, *entry.value, action});
    }
    context.print(QStringLiteral("%1  %2  %3\n")
                      .arg(QStringLiteral("NAME").leftJustified(32), QStringLiteral("TYPE  "),
                           QStringLiteral("ACTION")));
    for (const Planned &p : plan) {
        context.print(QStringLiteral("%1  %2  %3\n")
                          .arg(p.name.toString().leftJustified(32),
                               SecretValue::typeName(p.value.type()).leftJustified(6), p.action));
    }
    if (blocked) {
        context.message(QStringLiteral("secretdesk-cli: nothing imported (see the problems above)"));
        return ExitInvalid;
    }
    if (parser.isSet(dryRun)) {
        context.message(QStringLiteral("Dry run: nothing changed"));
        return ExitOk;
    }
    int imported = 0;
    for (const Planned &p : plan) {
        if (p.action == QLatin1String("skip"))
            continue;
        auto saved = await<Result<SecretRecord>>([&](QObject *ctx, auto done) {
            context.store->save(context.profile, SecretChange{p.name, p.value}, ctx, done);
        });
        if (!saved) {
            context.message(QStringLiteral("secretdesk-cli: imported %1 of %2 before this failure:")
                                .arg(imported)
                                .arg(plan.size()));
            return context.fail(saved.error());
        }
        ++imported;
    }
    context.message(QStringLiteral("Imported %1 secrets into profile '%2'")
                        .arg(imported)
                        .arg(context.profile.toString()));
    return ExitOk;
}

} // namespace secretdesk::cli
