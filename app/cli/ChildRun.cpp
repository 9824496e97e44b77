#include "app/cli/ChildRun.h"

#include "app/cli/SignalForwarder.h"
#include "core/run/OutputMasker.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace secretdesk::cli {

namespace {
constexpr int NotFound = 127;
constexpr int NotStartable = 126;
} // namespace

int ChildRun::exec(CliContext &context) const
{
    const QString resolved =
        program.contains(QLatin1Char('/'))
            ? program
            : QStandardPaths::findExecutable(
                  program,
                  environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts));
    if (resolved.isEmpty() || !QFileInfo::exists(resolved)) {
        context.message(QStringLiteral("secretdesk-cli: %1: command not found").arg(program));
        return NotFound;
    }

    QProcess process;
    process.setProgram(resolved);
    process.setArguments(arguments);
    process.setProcessEnvironment(environment);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    OutputMasker outMasker(mask ? maskedValues : QList<QByteArray>());
    OutputMasker errMasker(mask ? maskedValues : QList<QByteArray>());
    if (mask) {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                         [&] { context.out->write(outMasker.feed(process.readAllStandardOutput())); });
        QObject::connect(&process, &QProcess::readyReadStandardError, &process,
                         [&] { context.err->write(errMasker.feed(process.readAllStandardError())); });
    } else {
        process.setProcessChannelMode(QProcess::ForwardedChannels);
    }

    SignalForwarder forwarder;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    process.start();
    if (process.state() != QProcess::NotRunning || process.error() != QProcess::FailedToStart) {
        forwarder.setTarget(static_cast<pid_t>(process.processId()));
        if (process.state() != QProcess::NotRunning)
            loop.exec();
    }
    if (process.error() == QProcess::FailedToStart) {
        context.message(QStringLiteral("secretdesk-cli: %1: %2").arg(program, process.errorString()));
        return NotStartable;
    }
    if (mask) {
        context.out->write(outMasker.feed(process.readAllStandardOutput()) + outMasker.finish());
        context.err->write(errMasker.feed(process.readAllStandardError()) + errMasker.finish());
    }
    // On Unix, Qt reports the terminating signal as the exit code of a crashed process.
    return process.exitStatus() == QProcess::CrashExit ? 128 + process.exitCode() : process.exitCode();
}

} // namespace secretdesk::cli
