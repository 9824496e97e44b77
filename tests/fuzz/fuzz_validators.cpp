// libFuzzer target: scripts/fuzz builds it with clang and -fsanitize=fuzzer,address.
#include "ValidatorFuzzEntry.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString problem = secretdesk::fuzzValidators(data, size);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "invariant broken: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
