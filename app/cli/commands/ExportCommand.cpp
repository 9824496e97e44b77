#include "app/cli/commands/ExportCommand.h"

#include "app/cli/ExitCode.h"
#include "app/cli/PrivateFile.h"
#include "app/cli/SecretSelection.h"
#include "core/exporters/ExporterRegistry.h"
#include "core/model/SecureBytes.h"

namespace secretdesk::cli {

int ExportCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const SecretSelection selection;
    selection.addOptions(parser);
    const ExporterRegistry registry = ExporterRegistry::withBuiltins();
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("Target: %1.").arg(registry.ids().join(QStringLiteral(", "))),
        QStringLiteral("format"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QStringLiteral("Write to <file> (created private, 0600, atomically) instead of stdout."),
        QStringLiteral("file"));
    parser.addOptions({format, output});
    if (const int rc =
            parse(parser, context, args,
                  QStringLiteral("export --format F [--style context|plain] [--names a,b] [--output FILE]"));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("export takes no arguments; select secrets with --names"));
    if (!parser.isSet(format))
        return context.usage(
            QStringLiteral("say which target with --format (%1)").arg(registry.ids().join(u", ")));
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
