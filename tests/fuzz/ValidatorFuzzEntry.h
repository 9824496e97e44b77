#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace secretdesk {

// One fuzz input through everything the validators expose: the JSON parser, validateText for
// every kind, detectKind and every automatic fix (applied, then validated again). Returns an
// empty string, or a description of the first broken invariant (a finding without code or
// location, a multi-line message, a fix that does not apply). Crashes are the fuzzer's business.
QString fuzzValidators(const std::uint8_t *data, std::size_t size);

} // namespace secretdesk
