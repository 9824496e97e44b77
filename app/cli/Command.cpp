#include "app/cli/Command.h"

#include "app/cli/ExitCode.h"

namespace secretdesk::cli {

int Command::parse(QCommandLineParser &parser, CliContext &context, const QStringList &args,
                   const QString &syntax)
{
    parser.setApplicationDescription(summary());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Use profile <name>."),
                                     QStringLiteral("name"));
    parser.addOption(help);
    parser.addOption(profile);
    if (!parser.parse(args))
        return context.usage(parser.errorText());
    if (parser.isSet(help)) {
        // The parser's own usage line names the binary, not the command: replace it.
        QStringList lines = parser.helpText().split(QLatin1Char('\n'));
        lines.first() = QStringLiteral("Usage: secretdesk-cli ") + syntax;
        context.print(lines.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                      QString::fromLatin1(exitCodeTable()));
        return ExitOk;
    }
    if (parser.isSet(profile)) {
        auto name = ProfileName::parse(parser.value(profile));
        if (!name)
            return context.fail(name.error());
        context.profile = *name;
    }
    return -1;
}

} // namespace secretdesk::cli
