#pragma once

#include "core/validators/KindValidator.h"

namespace secretdesk {

// GITHUB_ACCESS_TOKEN: every current prefix, classic lengths and CRC32 checksums, the
// fine-grained github_pat_ shape, the stateless ghs_ format and 40-hex legacy tokens.
class GithubTokenValidator : public KindValidator {
public:
    void checkString(ValidationContext &context, const FormatSpec &spec,
                     const StringField &value) const override;
};

} // namespace secretdesk
