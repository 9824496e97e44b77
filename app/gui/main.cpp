#include "core/platform/ProcessHardening.h"
#include "core/store/SecretStore.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ThemePalette.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    secretdesk::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("secretdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Secretdesk"));
    QApplication::setApplicationVersion(QStringLiteral(SECRETDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.secretdesk.Secretdesk"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("secretdesk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    secretdesk::KeychainVault vault;
    secretdesk::SecretStore store(secretdesk::CatalogFile(), &vault);
    secretdesk::MainWindow window(&store);
    // The theme the settings name (follow the system, light or dark), again whenever it changes.
    secretdesk::AppSettings *settings = window.settings();
    secretdesk::ThemePalette::apply(settings->theme());
    QObject::connect(settings, &secretdesk::AppSettings::changed, &window,
                     [settings] { secretdesk::ThemePalette::apply(settings->theme()); });
    window.show();
    window.checkKeychain();
    return QApplication::exec();
}
