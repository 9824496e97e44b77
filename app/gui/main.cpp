#include "core/platform/ProcessHardening.h"
#include "core/store/SecretStore.h"
#include "ui/MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    secretdesk::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("secretdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Secretdesk"));
    QApplication::setApplicationVersion(QStringLiteral(SECRETDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.secretdesk.Secretdesk"));

    secretdesk::KeychainVault vault;
    secretdesk::SecretStore store(secretdesk::CatalogFile(), &vault);
    secretdesk::MainWindow window(&store);
    window.show();
    window.checkKeychain();
    return QApplication::exec();
}
