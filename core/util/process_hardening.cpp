#include "util/process_hardening.h"

#if !defined(_WIN32)
#include <sys/resource.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace noteward::core {

void hardenProcess()
{
#if defined(NOTEWARD_HARDENED_BUILD) && !defined(_WIN32)
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
#if defined(__linux__)
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
#endif
}

}  // namespace noteward::core
