#pragma once

#include "core/model/Result.h"
#include "core/prefect/PrefectSecretEntry.h"

namespace secretdesk {

// Turns what Prefect reads for one secret into what Secretdesk imports, with the notes a user needs.
// Codes: PREFECT030 name Secretdesk cannot store, PREFECT031 a key inside the secret shadows a Config
// method (`import prefect` fails), PREFECT032 Prefect's value is not text or an object (imported as
// its Python text), PREFECT033 direct context.secrets readers get a str where Secret.get() gets a dict.
class PrefectSecretImport {
public:
    // Fills entry.reading, entry.value and entry.diagnostics from the pipeline's result.
    static void settle(PrefectSecretEntry &entry, const Result<PrefectReading> &reading);
};

} // namespace secretdesk
