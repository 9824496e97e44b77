#include "core/validators/SlackWebhookValidator.h"

#include <QRegularExpression>
#include <QUrl>

namespace secretdesk {

// Codes: SLK010 not an https URL, SLK011 host is not Slack's, SLK012 unusual path.
// The path's last segment is the secret: messages name only the host.
void SlackWebhookValidator::checkString(ValidationContext &context, const FormatSpec &spec,
                                        const StringField &value) const
{
    const QUrl url(value.value, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        context.reportField(Severity::Error, spec.code(10),
                            QStringLiteral("the value is not an https:// URL"), value);
        return;
    }
    const QString host = url.host();
    if (host != QLatin1String("hooks.slack.com") && host != QLatin1String("hooks.slack-gov.com")) {
        context.reportField(Severity::Warning, spec.code(11),
                            QStringLiteral("the webhook host is %1, not hooks.slack.com").arg(host), value,
                            8);
        return;
    }
    static const QRegularExpression path(
        QStringLiteral("^/(services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+|workflows/T[A-Z0-9]+/A[A-Z0-9]+/"
                       "[0-9]+/[A-Za-z0-9]+|triggers/T[A-Z0-9]+/[0-9]+/[A-Za-z0-9]+)$"));
    if (!path.match(url.path()).hasMatch())
        context.reportField(
            Severity::Warning, spec.code(12),
            QStringLiteral("the URL path is not the usual /services/T…/B…/… of an incoming webhook"), value,
            8 + host.size());
}

} // namespace secretdesk
