#pragma once

#include "core/validators/KindValidator.h"

namespace secretdesk {

// KUBERNETES_API_KEY: Prefect adds the "Bearer" prefix itself, so a pasted header value is
// sent as "Bearer Bearer …".
class KubernetesTokenValidator : public KindValidator {
public:
    void checkString(ValidationContext &context, const FormatSpec &spec,
                     const StringField &value) const override;
};

} // namespace secretdesk
