#include "core/store/StoreLog.h"

Q_LOGGING_CATEGORY(lcStore, "secretdesk.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "secretdesk.keychain", QtWarningMsg)
