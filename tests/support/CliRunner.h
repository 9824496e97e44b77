#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace secretdesk {
class SecretStore;
}

namespace secretdesk::test {

// What one CLI invocation left behind.
struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs secretdesk-cli's commands in-process over QBuffers against `store`. `terminal` makes the value
// prompt available; `prompt` answers it.
CliRun runCliInProcess(SecretStore *store, const QStringList &args, const QByteArray &input = {},
                       bool terminal = false, const std::function<QByteArray(const QString &)> &prompt = {});

// Runs the real binary with `environment`, feeding `input` on stdin; kills it after 30 s (code -2).
CliRun runCliProcess(const QString &program, const QStringList &args, const QStringList &environment,
                     const QByteArray &input = {}, const QString &workingDirectory = {});

} // namespace secretdesk::test
