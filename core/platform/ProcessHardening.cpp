#include "core/platform/ProcessHardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace secretdesk {

void hardenProcess()
{
#if defined(Q_OS_UNIX)
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
#endif
#if defined(Q_OS_LINUX)
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

} // namespace secretdesk
