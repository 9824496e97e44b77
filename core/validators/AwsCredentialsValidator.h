#pragma once

#include "core/validators/KindValidator.h"

#include <QString>

namespace secretdesk {

// AWS_CREDENTIALS beyond the data file: access key ID prefixes, base32 bodies, the AWS
// documentation placeholder, the account a key belongs to, and session-token pairing.
class AwsCredentialsValidator : public KindValidator {
public:
    void checkObject(ValidationContext &context, const FormatSpec &spec,
                     const VariantSpec &variant) const override;

    // The 12-digit account ID encoded in a newer 20-character key ID, or empty (trufflehog's
    // GetAccountNumFromID: base32-decode the 16 characters after the prefix, take 6 bytes,
    // mask 0x7fffffffff80, shift right 7). Keys starting AKIAI/AKIAJ predate the encoding.
    static QString accountId(const QString &accessKeyId);
};

} // namespace secretdesk
