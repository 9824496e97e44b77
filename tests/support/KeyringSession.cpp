#include "tests/support/KeyringSession.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace secretdesk::test {

QString uniqueKeychainService(const QString &testName)
{
    return QStringLiteral("secretdesk-test-%1-%2-%3")
        .arg(testName)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

QString keyringProblem()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no D-Bus session: run the tests through scripts/test or scripts/with-keyring");
    return {};
}

} // namespace secretdesk::test
