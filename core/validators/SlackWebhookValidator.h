#pragma once

#include "core/validators/KindValidator.h"

namespace secretdesk {

// SLACK_WEBHOOK_URL: an https URL on hooks.slack.com with the /services/T…/B…/… path.
class SlackWebhookValidator : public KindValidator {
public:
    void checkString(ValidationContext &context, const FormatSpec &spec,
                     const StringField &value) const override;
};

} // namespace secretdesk
