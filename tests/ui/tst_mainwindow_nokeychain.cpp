#include "tests/support/TempHome.h"
#include "ui/MainWindow.h"

#include <QLabel>
#include <QTest>

using namespace secretdesk;

// With no reachable keychain the window stays up, lists names, and says why values are out of reach.
class TestMainWindowNoKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bannerExplainsTheCause();
};

void TestMainWindowNoKeychain::bannerExplainsTheCause()
{
    test::TempHome home;
    KeychainVault vault(QStringLiteral("secretdesk-test-nokeychain"));
    SecretStore store(CatalogFile(home.catalogPath()), &vault);
    MainWindow window(&store);
    window.show();
    auto *banner = window.findChild<QLabel *>(QStringLiteral("keychainBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    window.checkKeychain();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    QVERIFY(banner->text().contains(QStringLiteral("keychain cannot be reached")));
}

QTEST_MAIN(TestMainWindowNoKeychain)
#include "tst_mainwindow_nokeychain.moc"
