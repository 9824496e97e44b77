#include "app/cli/commands/ExportCommand.h"

#include "app/cli/ExitCode.h"
#include "app/cli/SecretSelection.h"
#include "core/exporters/ExporterRegistry.h"
#include "core/model/SecureBytes.h"
#include "core/platform/PrivateFile.h"
#include "core/prefect/ConfigTomlEditor.h"
#include "core/prefect/ConfigTomlFile.h"

namespace secretdesk::cli {

int ExportCommand::exportToml(CliContext &context, const QCommandLineParser &parser,
                              const SecretSelection &selection, QString configFile, const QString &output)
{
    // config.toml holds context secrets only; its own encoding is Prefect's TOML one.
    auto items = selection.load(context, parser);
    if (!items)
        return context.fail(items.error());
    if (!parser.isSet(QStringLiteral("to-config-toml"))) {
        QList<std::pair<SecretName, SecretValue>> secrets;
        for (const SecretSelection::Item &item : *items)
            secrets.append({item.record.name, item.value});
        auto text = ConfigTomlEditor::tableText(secrets);
        if (!text)
            return context.fail(text.error());
        const Status written = output.isEmpty() ? Status() : writePrivateFile(output, *text);
        if (output.isEmpty())
            context.write(*text);
        wipeBytes(text.value());
        return written ? ExitOk : context.fail(written.error());
    }
    if (configFile.isEmpty())
        configFile = ConfigTomlFile::defaultPath();
    QList<PrefectTomlChange> changes;
    for (const SecretSelection::Item &item : *items)
        changes.append({item.record.name, item.value});
    const Status updated = ConfigTomlEditor::applyToFile(configFile, changes);
    if (!updated)
        return context.fail(updated.error());
    context.message(
        QStringLiteral("Updated [context.secrets] in %1 with %2 secrets (previous file kept as %1.bak)")
            .arg(configFile)
            .arg(changes.size()));
    return ExitOk;
}

int ExportCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const SecretSelection selection;
    selection.addOptions(parser);
    const ExporterRegistry registry = ExporterRegistry::withBuiltins();
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("Target: %1, prefect-toml.").arg(registry.ids().join(QStringLiteral(", "))),
        QStringLiteral("format"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QStringLiteral("Write to <file> (created private, 0600, atomically) instead of stdout."),
        QStringLiteral("file"));
    const QCommandLineOption toConfig(
        QStringLiteral("to-config-toml"),
        QStringLiteral("Write the secrets into [context.secrets] of Prefect's config.toml, "
                       "keeping everything else (a .bak keeps the previous file)."));
    const QCommandLineOption configPath(
        QStringLiteral("config"),
        QStringLiteral("The config.toml to update (default: $PREFECT__USER_CONFIG_PATH or "
                       "~/.prefect/config.toml)."),
        QStringLiteral("file"));
    parser.addOptions({format, output, toConfig, configPath});
    if (const int rc = parse(parser, context, args,
                             QStringLiteral("export (--format F [--style context|plain] | --to-config-toml "
                                            "[--config FILE]) [--names a,b] [--output FILE]"));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("export takes no arguments; select secrets with --names"));
    const bool toml = parser.isSet(toConfig) || parser.value(format) == QLatin1String("prefect-toml");
    if (toml)
        return exportToml(context, parser, selection,
                          parser.isSet(toConfig) ? parser.value(configPath) : QString(),
                          parser.isSet(output) ? parser.value(output) : QString());
    if (!parser.isSet(format)) {
        return context.usage(QStringLiteral("say which target with --format (%1, prefect-toml)")
                                 .arg(registry.ids().join(QStringLiteral(", "))));
    }
    auto exporter = registry.lookup(parser.value(format));
    if (!exporter)
        return context.fail(exporter.error());
    auto style = selection.style(parser);
    if (!style)
        return context.fail(style.error());
    auto items = selection.load(context, parser);
    if (!items)
        return context.fail(items.error());

    QList<Diagnostic> refusals;
    const QList<ExportEntry> entries =
        SecretSelection::entries(*items, *style, (*exporter)->contextForm(), refusals);
    refusals += (*exporter)->refusals(entries);
    if (!refusals.isEmpty()) {
        for (const Diagnostic &refusal : refusals)
            context.fail(refusal);
        context.message(
            QStringLiteral("secretdesk-cli: nothing exported: %1 of the secrets cannot be carried by %2")
                .arg(refusals.size())
                .arg((*exporter)->id()));
        return ExitInvalid;
    }
    auto text = (*exporter)->render(entries);
    if (!text)
        return context.fail(text.error());
    if (parser.isSet(output)) {
        const Status written = writePrivateFile(parser.value(output), *text);
        wipeBytes(text.value());
        if (!written)
            return context.fail(written.error());
        context.message(QStringLiteral("Wrote %1 secrets to %2 (mode 0600)")
                            .arg(entries.size())
                            .arg(parser.value(output)));
        return ExitOk;
    }
    context.write(*text);
    wipeBytes(text.value());
    return ExitOk;
}

} // namespace secretdesk::cli
