#include "tests/support/CliRunner.h"

#include "app/cli/CommandLine.h"

#include <QBuffer>
#include <QProcess>

namespace secretdesk::test {

CliRun runCliInProcess(SecretStore *store, const QStringList &args, const QByteArray &input, bool terminal,
                       const std::function<QByteArray(const QString &)> &prompt)
{
    QByteArray inBytes = input, outBytes, errBytes;
    QBuffer in(&inBytes), out(&outBytes), err(&errBytes);
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    cli::CliContext context;
    context.in = &in;
    context.out = &out;
    context.err = &err;
    context.inIsTerminal = terminal;
    context.store = store;
    context.readHidden = prompt;
    cli::CommandLine commandLine;
    cli::addBuiltinCommands(commandLine);
    const int code = commandLine.run(context, QStringList{QStringLiteral("secretdesk-cli")} + args);
    return {code, outBytes, errBytes};
}

CliRun runCliProcess(const QString &program, const QStringList &args, const QStringList &environment,
                     const QByteArray &input, const QString &workingDirectory)
{
    QProcess process;
    process.setEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, args);
    if (!process.waitForStarted())
        return {-1, {}, "did not start"};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {-2, {}, "timed out"};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace secretdesk::test
