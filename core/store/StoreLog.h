#pragma once

#include <QLoggingCategory>

// Debug lines name operations, profiles and secret names; never a value. Turn them on with
// QT_LOGGING_RULES="secretdesk.store.debug=true;secretdesk.keychain.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
