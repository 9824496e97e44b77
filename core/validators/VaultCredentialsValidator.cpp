#include "core/validators/VaultCredentialsValidator.h"

namespace secretdesk {

// Codes: VLT010 no login method, VLT011 AppRole half given, VLT012 several methods given.
void VaultCredentialsValidator::checkObject(ValidationContext &context, const FormatSpec &spec,
                                            const VariantSpec &) const
{
    const JsonDocument &doc = context.json();
    const JsonNode &root = doc.root();
    auto present = [&](const char *key) {
        const JsonNode *node = doc.member(root, QString::fromLatin1(key));
        return node && node->type == JsonNode::Type::String && !node->text.trimmed().isEmpty();
    };
    const bool token = present("VAULT_TOKEN");
    const bool roleId = present("VAULT_ROLE_ID");
    const bool secretId = present("VAULT_SECRET_ID");
    const bool kube = present("VAULT_KUBE_AUTH_ROLE");
    const int methods = (token ? 1 : 0) + ((roleId || secretId) ? 1 : 0) + (kube ? 1 : 0);
    if (methods == 0) {
        context.report(Severity::Error, spec.code(10),
                       QStringLiteral("no login method: give VAULT_TOKEN, VAULT_ROLE_ID + VAULT_SECRET_ID, "
                                      "or VAULT_KUBE_AUTH_ROLE"),
                       root.begin, QString());
        return;
    }
    if (roleId != secretId)
        context.report(
            Severity::Error, spec.code(11),
            QStringLiteral("AppRole login needs both VAULT_ROLE_ID and VAULT_SECRET_ID (%1 is missing)")
                .arg(roleId ? QStringLiteral("VAULT_SECRET_ID") : QStringLiteral("VAULT_ROLE_ID")),
            root.begin, QString());
    if (methods > 1)
        context.report(
            Severity::Warning, spec.code(12),
            QStringLiteral(
                "several login methods are given; only one of them is used: keep the one you mean"),
            root.begin, QString());
}

} // namespace secretdesk
