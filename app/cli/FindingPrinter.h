#pragma once

#include "app/cli/CliContext.h"
#include "core/validators/Finding.h"

#include <QJsonArray>

namespace secretdesk::cli {

// Validation findings as people read them ("where: severity: message (CODE)") or as JSON for tools.
// Neither form holds a value: findings carry locations and masked excerpts only.
void printFindings(const CliContext &context, const Findings &findings);
QJsonArray findingsToJson(const Findings &findings);

} // namespace secretdesk::cli
