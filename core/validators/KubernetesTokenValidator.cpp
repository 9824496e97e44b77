#include "core/validators/KubernetesTokenValidator.h"

namespace secretdesk {

// Code: K8S010 the value starts with "Bearer " (fix: remove it).
void KubernetesTokenValidator::checkString(ValidationContext &context, const FormatSpec &spec,
                                           const StringField &value) const
{
    static const QLatin1String bearer("Bearer ");
    if (!value.value.startsWith(bearer, Qt::CaseInsensitive))
        return;
    qsizetype end = bearer.size();
    while (end < value.value.size() && value.value.at(end).isSpace())
        ++end;
    context.reportField(Severity::Error, spec.code(10),
                        QStringLiteral("the value starts with \"Bearer \": Prefect adds that prefix itself"),
                        value, 0,
                        Fix{QStringLiteral("Remove the \"Bearer \" prefix"), {value.deletion(0, end)}});
}

} // namespace secretdesk
