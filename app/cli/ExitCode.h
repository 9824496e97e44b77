#pragma once

#include "core/model/Diagnostic.h"

namespace secretdesk::cli {

// The CLI's exit codes: a contract with scripts, listed in --help and the README.
enum ExitCode : int {
    ExitOk = 0,
    ExitInvalid = 1,  // invalid input or usage, validation errors
    ExitNotFound = 2, // no such secret, file or remote item
    ExitKeychain = 3, // keychain unavailable (no Secret Service, locked, no answer)
    ExitRemote = 4,   // network or server failure
    ExitRejected = 5, // the remote rejected the credentials
};

int exitCodeFor(Failure failure);
const char *exitCodeTable();

} // namespace secretdesk::cli
