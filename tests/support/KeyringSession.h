#pragma once

#include <QString>

namespace secretdesk::test {

// Tests that touch the real Secret Service run inside scripts/with-keyring (a private D-Bus session
// and a throwaway gnome-keyring). Each test process uses its own keychain service name, so runs never
// see each other's items.
QString uniqueKeychainService(const QString &testName);
// Empty when a session bus is there; otherwise why the test cannot run.
QString keyringProblem();

} // namespace secretdesk::test
