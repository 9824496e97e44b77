#pragma once

#include "core/validators/KindValidator.h"

namespace secretdesk {

// GCP_CREDENTIALS beyond the data file: the private key (OpenSSL), client_email and its
// project, URLs, and the external_account credential_source rules google-auth applies.
class GcpCredentialsValidator : public KindValidator {
public:
    void checkObject(ValidationContext &context, const FormatSpec &spec,
                     const VariantSpec &variant) const override;

private:
    void checkServiceAccount(ValidationContext &context, const FormatSpec &spec) const;
    void checkPrivateKey(ValidationContext &context, const FormatSpec &spec, const StringField &key) const;
    void checkExternalAccount(ValidationContext &context, const FormatSpec &spec) const;
    // Reports a URL that is not https (error or warning); returns its host, or empty.
    QString checkUrl(ValidationContext &context, const QString &code, Severity severity, const QString &key,
                     const JsonNode &object, const QString &objectPointer) const;
};

} // namespace secretdesk
