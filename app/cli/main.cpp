#include "app/cli/CommandLine.h"
#include "app/cli/TerminalPrompt.h"
#include "core/platform/ProcessHardening.h"
#include "core/store/SecretStore.h"

#include <QCoreApplication>
#include <QFile>

#include <unistd.h>

int main(int argc, char *argv[])
{
    secretdesk::hardenProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("secretdesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SECRETDESK_VERSION));

    QFile in, out, err;
    in.open(stdin, QIODevice::ReadOnly);
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);

    secretdesk::KeychainVault vault;
    secretdesk::SecretStore store(secretdesk::CatalogFile(), &vault);
    secretdesk::cli::CliContext context;
    context.in = &in;
    context.out = &out;
    context.err = &err;
    context.inIsTerminal = isatty(STDIN_FILENO) == 1;
    context.store = &store;
    context.readHidden = secretdesk::cli::readHiddenLine;

    secretdesk::cli::CommandLine commandLine;
    secretdesk::cli::addBuiltinCommands(commandLine);
    return commandLine.run(context, QCoreApplication::arguments());
}
