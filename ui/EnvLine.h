#pragma once

#include "core/model/Result.h"
#include "core/model/SecretRecord.h"

#include <QString>

namespace secretdesk {

// The line "Copy env line" puts on the clipboard: NAME='value' with POSIX single quoting (each '
// written as '\''), for a shell or a .env file. The secret's target picks the variables:
// context gives PREFECT__CONTEXT__SECRETS__NAME with Prefect's env encoding, plain gives NAME with
// the value's own bytes, both gives the two lines. Refuses what a POSIX shell cannot carry (NUL).
class EnvLine {
public:
    static Result<QString> forSecret(const SecretRecord &record, const SecretValue &value);
};

} // namespace secretdesk
