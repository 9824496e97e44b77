#include "app/cli/commands/RunCommand.h"

#include "app/cli/ChildRun.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SecretSelection.h"

namespace secretdesk::cli {

int RunCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const SecretSelection selection;
    selection.addOptions(parser);
    const QCommandLineOption mask(
        QStringLiteral("mask"),
        QStringLiteral("Replace secret values (4+ characters) in the command's output with *****."));
    parser.addOption(mask);
    parser.addPositionalArgument(QStringLiteral("CMD"),
                                 QStringLiteral("The command and its arguments, after --."),
                                 QStringLiteral("-- CMD [ARGS...]"));
    if (const int rc =
            parse(parser, context, args,
                  QStringLiteral("run [--names a,b] [--style context|plain] [--mask] -- CMD [ARGS...]"));
        rc >= 0)
        return rc;
    const QStringList command = parser.positionalArguments();
    if (command.isEmpty())
        return context.usage(QStringLiteral("run needs a command after --"));
    auto style = selection.style(parser);
    if (!style)
        return context.fail(style.error());
    auto items = selection.load(context, parser);
    if (!items)
        return context.fail(items.error());

    QList<Diagnostic> refusals;
    const QList<ExportEntry> entries = SecretSelection::entries(*items, *style, ContextForm(), refusals);
    for (const ExportEntry &entry : entries) {
        if (entry.value.contains('\0')) {
            refusals.append(Diagnostic::error(
                Failure::InvalidInput, QStringLiteral("RUN001"),
                QStringLiteral("%1: an environment variable cannot hold a NUL character").arg(entry.name)));
        }
    }
    if (!refusals.isEmpty()) {
        for (const Diagnostic &refusal : refusals)
            context.fail(refusal);
        return ExitInvalid;
    }

    ChildRun child;
    child.program = command.constFirst();
    child.arguments = command.mid(1);
    child.environment = QProcessEnvironment::systemEnvironment();
    for (const ExportEntry &entry : entries)
        child.environment.insert(entry.name, QString::fromUtf8(entry.value));
    child.mask = parser.isSet(mask);
    for (const SecretSelection::Item &item : *items) {
        child.maskedValues.append(item.value.utf8());
        // The context form of a value differs from its plain bytes; mask what the command may print.
        for (const ExportEntry &entry : entries)
            child.maskedValues.append(entry.value);
    }
    return child.exec(context);
}

} // namespace secretdesk::cli
