#include "core/cloud/CloudLog.h"

Q_LOGGING_CATEGORY(secretdeskCloud, "secretdesk.cloud", QtInfoMsg)
