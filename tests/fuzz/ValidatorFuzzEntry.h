#pragma once

#include <cstddef>
#include <cstdint>

namespace secretdesk::fuzz {

// The one entry point shared by the libFuzzer target and the corpus-replay test: validates the
// input as every JSON kind (and, when it is short, every string kind), applies every automatic
// fix and validates the result again, and checks the invariants findings promise. Aborts on a
// broken invariant so libFuzzer (and the replay test) report it.
void validateEverything(const std::uint8_t *data, std::size_t size);

} // namespace secretdesk::fuzz
