#pragma once

#include <QLoggingCategory>

// "secretdesk.cloud": one debug line per HTTP attempt (method, path, status, attempt, time). Never a
// value, an API key or a body. Enable with QT_LOGGING_RULES="secretdesk.cloud.debug=true".
Q_DECLARE_LOGGING_CATEGORY(secretdeskCloud)
