// One libFuzzer target per parser: CMake compiles this file once per target with
// SECRETDESK_FUZZ_ENTRY naming the entry function of ParserFuzzEntries.h (or another entry header
// given as SECRETDESK_FUZZ_HEADER). A broken property aborts, so libFuzzer saves the input.
#ifdef SECRETDESK_FUZZ_HEADER
#include SECRETDESK_FUZZ_HEADER
#else
#include "ParserFuzzEntries.h"
#endif

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString problem = secretdesk::SECRETDESK_FUZZ_ENTRY(data, size);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "property broken: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
