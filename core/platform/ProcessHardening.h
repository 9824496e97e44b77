#pragma once

namespace secretdesk {

// Keeps secret values out of core dumps and away from other processes of the same user:
// no core files (RLIMIT_CORE 0) and, on Linux, not dumpable (no ptrace attach, no /proc/PID/mem).
// Called first thing by both binaries.
void hardenProcess();

} // namespace secretdesk
