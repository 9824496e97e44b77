#include "app/cli/CommandLine.h"

#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"

#include <QCommandLineParser>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <signal.h>
#endif

namespace secretdesk::cli {

CommandLine::CommandLine() = default;
CommandLine::~CommandLine() = default;

void CommandLine::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

Command *CommandLine::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString CommandLine::helpText() const
{
    QString text = QStringLiteral("Usage: secretdesk-cli [--profile P] COMMAND [options]\n\n"
                                  "Keeps Prefect secrets in the OS keychain.\n\n"
                                  "Global options:\n"
                                  "  --profile P   use profile P (default: default)\n"
                                  "  -h, --help    show this help; COMMAND --help shows a command's options\n"
                                  "  -v, --version show the version\n\nCommands:\n");
    for (const auto &command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name().leftJustified(10), command->summary());
    return text + QLatin1Char('\n') + QString::fromLatin1(exitCodeTable());
}

namespace {

bool processIsRunning(qint64 pid)
{
#if defined(Q_OS_UNIX)
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return false;
#endif
}

// A change another process left half done (it was killed between its keychain and catalog writes)
// is found by `doctor`; every other command points there, once, on stderr. Intents of writers that
// are still running are theirs to finish.
void noteInterruptedChanges(const CliContext &context)
{
    if (!context.store)
        return;
    const auto intents = context.store->pendingIntents();
    if (!intents)
        return;
    QStringList interrupted;
    for (const PendingIntent &intent : *intents) {
        if (!processIsRunning(intent.pid))
            interrupted << intent.describe();
    }
    if (interrupted.isEmpty())
        return;
    context.message(QStringLiteral("secretdesk-cli: note: an earlier change was interrupted (%1); run "
                                   "'secretdesk-cli doctor' to see and repair it")
                        .arg(interrupted.join(QStringLiteral(", "))));
}

} // namespace

int CommandLine::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    // Everything from the command name on belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QString());
    const QCommandLineOption profile(QStringLiteral("profile"), QString(), QStringLiteral("name"));
    parser.addOptions({help, version, profile});
    if (!parser.parse(args))
        return context.usage(parser.errorText());
    if (parser.isSet(version)) {
        context.print(QStringLiteral("secretdesk-cli %1\n").arg(QStringLiteral(SECRETDESK_VERSION)));
        return ExitOk;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(help) || rest.isEmpty()) {
        context.print(helpText());
        return rest.isEmpty() && !parser.isSet(help) ? ExitInvalid : ExitOk;
    }
    if (parser.isSet(profile)) {
        auto name = ProfileName::parse(parser.value(profile));
        if (!name)
            return context.fail(name.error());
        context.profile = *name;
    }
    Command *command = find(rest.constFirst());
    if (!command)
        return context.usage(QStringLiteral("unknown command '%1'").arg(rest.constFirst()));
    if (command->name() != QLatin1String("doctor"))
        noteInterruptedChanges(context);
    return command->run(context, rest);
}

} // namespace secretdesk::cli
