// libFuzzer target over the validators (clang only; see scripts/fuzz).
#include "tests/fuzz/ValidatorFuzzEntry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    secretdesk::fuzz::validateEverything(data, size);
    return 0;
}
