#include "app/cli/ExitCode.h"

namespace secretdesk::cli {

int exitCodeFor(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return ExitOk;
    case Failure::NotFound:
        return ExitNotFound;
    case Failure::KeychainUnavailable:
        return ExitKeychain;
    case Failure::Remote:
        return ExitRemote;
    case Failure::Unauthorized:
        return ExitRejected;
    case Failure::InvalidInput:
    case Failure::Conflict:
    case Failure::Io:
        return ExitInvalid;
    }
    return ExitInvalid;
}

const char *exitCodeTable()
{
    return "Exit codes:\n"
           "  0  success\n"
           "  1  invalid input or usage (also: validation found errors)\n"
           "  2  not found (secret, file or remote item)\n"
           "  3  keychain unavailable (no Secret Service, locked collection, no answer in time)\n"
           "  4  remote or network failure\n"
           "  5  the remote rejected the credentials\n";
}

} // namespace secretdesk::cli
