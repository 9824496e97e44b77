#pragma once

#include "core/validators/KindValidator.h"

namespace secretdesk {

// VAULT_CREDENTIALS: exactly one way to log in (token, AppRole or Kubernetes auth).
class VaultCredentialsValidator : public KindValidator {
public:
    void checkObject(ValidationContext &context, const FormatSpec &spec,
                     const VariantSpec &variant) const override;
};

} // namespace secretdesk
