#include "core/validators/GcpCredentialsValidator.h"

#include "core/validators/MaskedExcerpt.h"
#include "core/validators/PemPrivateKey.h"

#include <QRegularExpression>
#include <QUrl>

namespace secretdesk {

// Codes (see docs/validation.md): GCP020-024 private key, GCP030-032 client_email,
// GCP040-043 URLs, GCP060 authorized_user, GCP070-076 external_account.
namespace {

bool isGoogleHost(const QString &host)
{
    return host == QLatin1String("googleapis.com") || host.endsWith(QLatin1String(".googleapis.com")) ||
           host == QLatin1String("google.com") || host.endsWith(QLatin1String(".google.com"));
}

} // namespace

void GcpCredentialsValidator::checkObject(ValidationContext &context, const FormatSpec &spec,
                                          const VariantSpec &variant) const
{
    const JsonNode &root = context.json().root();
    if (variant.discriminatorValue == QLatin1String("service_account")) {
        checkServiceAccount(context, spec);
    } else if (variant.discriminatorValue == QLatin1String("authorized_user")) {
        if (const JsonNode *uri = context.json().member(root, QStringLiteral("token_uri")))
            context.reportNode(Severity::Hint, spec.code(60),
                               QStringLiteral("token_uri is ignored for authorized_user credentials: "
                                              "google-auth always uses Google's endpoint"),
                               uri, QStringLiteral("/token_uri"));
    } else if (variant.discriminatorValue == QLatin1String("external_account")) {
        checkExternalAccount(context, spec);
    }
}

QString GcpCredentialsValidator::checkUrl(ValidationContext &context, const QString &code, Severity severity,
                                          const QString &key, const JsonNode &object,
                                          const QString &objectPointer) const
{
    StringField field;
    if (!context.stringMember(object, objectPointer, key, &field) || field.value.trimmed().isEmpty())
        return {};
    const QUrl url(field.value.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        context.reportField(severity, code, QStringLiteral("%1 must be an https:// URL").arg(key), field);
        return {};
    }
    return url.host();
}

void GcpCredentialsValidator::checkServiceAccount(ValidationContext &context, const FormatSpec &spec) const
{
    const JsonDocument &doc = context.json();
    const JsonNode &root = doc.root();

    StringField key;
    if (context.stringMember(root, {}, QStringLiteral("private_key"), &key) && !key.value.isEmpty())
        checkPrivateKey(context, spec, key);

    StringField email;
    if (context.stringMember(root, {}, QStringLiteral("client_email"), &email) &&
        !email.value.trimmed().isEmpty()) {
        static const QRegularExpression shape(
            QStringLiteral("^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}$"));
        static const QString iamSuffix = QStringLiteral(".iam.gserviceaccount.com");
        const QString address = email.value.trimmed();
        if (!shape.match(address).hasMatch()) {
            context.reportField(Severity::Error, spec.code(30),
                                QStringLiteral("client_email is not an email address"), email);
        } else if (!address.endsWith(QLatin1String("gserviceaccount.com"))) {
            context.reportField(
                Severity::Warning, spec.code(31),
                QStringLiteral(
                    "client_email does not end in .iam.gserviceaccount.com: is this a service account?"),
                email, address.indexOf(QLatin1Char('@')) + 1);
        } else if (address.endsWith(iamSuffix)) {
            const qsizetype at = address.indexOf(QLatin1Char('@'));
            const QString project = address.mid(at + 1, address.size() - at - 1 - iamSuffix.size());
            StringField projectId;
            if (context.stringMember(root, {}, QStringLiteral("project_id"), &projectId) &&
                !projectId.value.trimmed().isEmpty() && projectId.value.trimmed() != project)
                context.reportField(
                    Severity::Warning, spec.code(32),
                    QStringLiteral("project_id %1 differs from the project in client_email (%2)")
                        .arg(MaskedExcerpt::name(projectId.value.trimmed()), MaskedExcerpt::name(project)),
                    projectId);
        }
    }

    const QString tokenHost =
        checkUrl(context, spec.code(40), Severity::Error, QStringLiteral("token_uri"), root, {});
    if (!tokenHost.isEmpty() && tokenHost != QLatin1String("oauth2.googleapis.com") &&
        tokenHost != QLatin1String("accounts.google.com")) {
        StringField field;
        if (context.stringMember(root, {}, QStringLiteral("token_uri"), &field))
            context.reportField(
                Severity::Warning, spec.code(41),
                QStringLiteral(
                    "token_uri host %1 is not Google's token endpoint (https://oauth2.googleapis.com/token)")
                    .arg(tokenHost),
                field);
    }
    for (const QString &key : {QStringLiteral("auth_uri"), QStringLiteral("auth_provider_x509_cert_url"),
                               QStringLiteral("client_x509_cert_url")})
        checkUrl(context, spec.code(42), Severity::Warning, key, root, {});

    StringField certUrl;
    if (context.stringMember(root, {}, QStringLiteral("client_x509_cert_url"), &certUrl) &&
        !email.value.isEmpty() && certUrl.value.startsWith(QLatin1String("https://")) &&
        !certUrl.value.endsWith(QString::fromLatin1(QUrl::toPercentEncoding(email.value.trimmed()))))
        context.reportField(
            Severity::Hint, spec.code(43),
            QStringLiteral("client_x509_cert_url does not end with the URL-encoded client_email"), certUrl);
}

void GcpCredentialsValidator::checkPrivateKey(ValidationContext &context, const FormatSpec &spec,
                                              const StringField &key) const
{
    QByteArray pem = key.value.toUtf8();
    if (PemPrivateKey::hasDoubleEscapedNewlines(pem)) {
        // Each decoded "\n" pair is the raw escape "\\n": replace it with the escape for a line break.
        Fix fix{QStringLiteral("Turn the literal \\n sequences in private_key into line breaks"), {}};
        for (qsizetype i = 0; i + 1 < key.value.size(); ++i) {
            if (key.value.at(i) == QLatin1Char('\\') && key.value.at(i + 1) == QLatin1Char('n')) {
                const qsizetype begin = key.offsetOf(i);
                fix.edits << TextEdit{begin, key.offsetOf(i + 2) - begin, QByteArrayLiteral("\\n")};
                ++i;
            }
        }
        context.reportField(
            Severity::Error, spec.code(21),
            QStringLiteral("private_key has literal \\n sequences instead of line breaks (escaped twice)"),
            key, key.value.indexOf(QLatin1String("\\n")), fix);
        pem.replace("\\n", "\n");
    }
    int bits = 0;
    switch (PemPrivateKey::inspect(pem, &bits)) {
    case PemPrivateKey::Status::Rsa:
        if (bits < 2048)
            context.reportField(
                Severity::Warning, spec.code(25),
                QStringLiteral("private_key is a %1-bit RSA key; Google issues 2048-bit keys").arg(bits),
                key);
        break;
    case PemPrivateKey::Status::NoPemMarker:
        context.reportField(
            Severity::Error, spec.code(20),
            QStringLiteral("private_key is not a PEM key (no -----BEGIN PRIVATE KEY----- line)"), key);
        break;
    case PemPrivateKey::Status::Unparseable:
        context.reportField(
            Severity::Error, spec.code(22),
            QStringLiteral("private_key does not parse as a PEM RSA key: it is truncated or damaged"), key);
        break;
    case PemPrivateKey::Status::NotRsa:
        context.reportField(
            Severity::Error, spec.code(23),
            QStringLiteral("private_key is not an RSA key; Google service accounts sign with RSA"), key);
        break;
    case PemPrivateKey::Status::Encrypted:
        context.reportField(Severity::Error, spec.code(24),
                            QStringLiteral("private_key is encrypted; google-auth needs the unencrypted key"),
                            key);
        break;
    }
}

void GcpCredentialsValidator::checkExternalAccount(ValidationContext &context, const FormatSpec &spec) const
{
    const JsonDocument &doc = context.json();
    const JsonNode &root = doc.root();
    for (const QString &key :
         {QStringLiteral("token_url"), QStringLiteral("service_account_impersonation_url"),
          QStringLiteral("token_info_url")}) {
        const QString host = checkUrl(context, spec.code(76), Severity::Error, key, root, {});
        StringField field;
        if (!host.isEmpty() && !isGoogleHost(host) && context.stringMember(root, {}, key, &field))
            context.reportField(
                Severity::Warning, spec.code(74),
                QStringLiteral("%1 points at %2, not a Google host: only use configurations you trust")
                    .arg(key, host),
                field);
    }
    StringField audience;
    StringField workforce;
    if (context.stringMember(root, {}, QStringLiteral("workforce_pool_user_project"), &workforce) &&
        context.stringMember(root, {}, QStringLiteral("audience"), &audience) &&
        !audience.value.contains(QLatin1String("/locations/global/workforcePools/")))
        context.reportField(
            Severity::Warning, spec.code(75),
            QStringLiteral("workforce_pool_user_project only applies to workforce pool audiences"),
            workforce);

    const JsonNode *source = doc.member(root, QStringLiteral("credential_source"));
    StringField tokenType;
    context.stringMember(root, {}, QStringLiteral("subject_token_type"), &tokenType);
    if (!source || source->type != JsonNode::Type::Object ||
        tokenType.value == QLatin1String("urn:ietf:params:aws:token-type:aws4_request") ||
        doc.member(*source, QStringLiteral("executable")))
        return;
    int kinds = 0;
    for (const char *k : {"file", "url", "certificate"})
        kinds += doc.member(*source, QString::fromLatin1(k)) ? 1 : 0;
    if (kinds == 0)
        context.reportNode(Severity::Error, spec.code(70),
                           QStringLiteral("credential_source needs one of file, url or certificate"), source,
                           QStringLiteral("/credential_source"));
    else if (kinds > 1)
        context.reportNode(
            Severity::Error, spec.code(71),
            QStringLiteral("credential_source is ambiguous: give only one of file, url or certificate"),
            source, QStringLiteral("/credential_source"));
    const JsonNode *format = doc.member(*source, QStringLiteral("format"));
    if (!format || format->type != JsonNode::Type::Object)
        return;
    StringField formatType;
    const QString pointer = QStringLiteral("/credential_source/format");
    if (context.stringMember(*format, pointer, QStringLiteral("type"), &formatType) &&
        formatType.value != QLatin1String("text") && formatType.value != QLatin1String("json"))
        context.reportField(Severity::Error, spec.code(72),
                            QStringLiteral("credential_source.format.type must be text or json"), formatType);
    if (formatType.value == QLatin1String("json") &&
        !doc.member(*format, QStringLiteral("subject_token_field_name")))
        context.reportNode(
            Severity::Error, spec.code(73),
            QStringLiteral("credential_source.format of type json needs subject_token_field_name"), format,
            pointer);
}

} // namespace secretdesk
