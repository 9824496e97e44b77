#include "tests/support/CliRunner.h"

#include "app/cli/CommandLine.h"

#include <QBuffer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

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
    // An event loop rather than waitForFinished(): servers living in the test's own thread (the fake
    // Prefect) must keep answering while the child runs.
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    process.start(program, args);
    if (!process.waitForStarted())
        return {-1, {}, "did not start"};
    process.write(input);
    process.closeWriteChannel();
    deadline.start(30000);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return {-2, {}, "timed out"};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace secretdesk::test
