#include "core/validators/ValidatorRegistry.h"

#include "core/validators/AwsCredentialsValidator.h"
#include "core/validators/AzureConnectionStringValidator.h"
#include "core/validators/FormatSpec.h"
#include "core/validators/GcpCredentialsValidator.h"
#include "core/validators/GithubTokenValidator.h"
#include "core/validators/KubernetesTokenValidator.h"
#include "core/validators/ShapeCheck.h"
#include "core/validators/SlackWebhookValidator.h"
#include "core/validators/ValidationContext.h"
#include "core/validators/VaultCredentialsValidator.h"

#include <QHash>
#include <QRegularExpression>

namespace secretdesk {

struct ValidatorRegistry::Data {
    QList<FormatSpec> specs;
    QHash<QString, std::shared_ptr<const KindValidator>> validators; // by FormatSpec::validator
};

ValidatorRegistry::ValidatorRegistry()
{
    auto data = std::make_shared<Data>();
    data->specs = FormatSpec::builtIn();
    data->validators.insert(QStringLiteral("gcp"), std::make_shared<GcpCredentialsValidator>());
    data->validators.insert(QStringLiteral("aws"), std::make_shared<AwsCredentialsValidator>());
    data->validators.insert(QStringLiteral("github"), std::make_shared<GithubTokenValidator>());
    data->validators.insert(QStringLiteral("azure-connection-string"),
                            std::make_shared<AzureConnectionStringValidator>());
    data->validators.insert(QStringLiteral("slack-webhook"), std::make_shared<SlackWebhookValidator>());
    data->validators.insert(QStringLiteral("kubernetes"), std::make_shared<KubernetesTokenValidator>());
    data->validators.insert(QStringLiteral("vault"), std::make_shared<VaultCredentialsValidator>());
    d = std::move(data);
}

ValidatorRegistry::~ValidatorRegistry() = default;
ValidatorRegistry::ValidatorRegistry(const ValidatorRegistry &) = default;
ValidatorRegistry &ValidatorRegistry::operator=(const ValidatorRegistry &) = default;

const FormatSpec *ValidatorRegistry::spec(const QString &kind) const
{
    for (const FormatSpec &s : d->specs) {
        if (s.kind == kind)
            return &s;
    }
    return nullptr;
}

bool ValidatorRegistry::hasKind(const QString &kind) const
{
    return spec(kind) != nullptr;
}

QString ValidatorRegistry::kindForName(const QString &secretName) const
{
    // Prefect looks default secrets up by exact name, so no case folding here.
    for (const FormatSpec &s : d->specs) {
        if (s.names.contains(secretName))
            return s.kind;
    }
    return {};
}

QList<KindInfo> ValidatorRegistry::kinds() const
{
    QList<KindInfo> out;
    for (const FormatSpec &s : d->specs) {
        KindInfo info;
        info.id = s.kind;
        info.displayName = s.displayName;
        info.valueType = s.isJson() ? SecretValue::Type::Json : SecretValue::Type::String;
        info.valueTypeName = s.valueType;
        info.secretNames = s.names;
        info.templateDocument = s.templateDocument;
        info.description = s.description;
        out << info;
    }
    return out;
}

Findings ValidatorRegistry::validate(const QString &kind, const SecretValue &value) const
{
    const FormatSpec *s = spec(kind);
    if (s && !s->isJson() && value.isJson()) {
        ValidationContext context(value.utf8(), false);
        context.report(Severity::Error, QStringLiteral("VAL002"),
                       QStringLiteral("%1 must be a string value, not a JSON object").arg(kind), 0,
                       QString());
        return context.takeFindings();
    }
    Findings findings = validateText(kind, value.utf8());
    if (s && s->isJson() && !value.isJson()) {
        Finding f;
        f.diagnostic = Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("VAL002"),
            QStringLiteral("%1 must be stored as a JSON object, not a string: Prefect reads it as a dict")
                .arg(kind));
        f.diagnostic.location.line = 1;
        f.diagnostic.location.column = 1;
        findings.prepend(f);
    }
    return findings;
}

Findings ValidatorRegistry::validateText(const QString &kind, const QByteArray &text,
                                         const QString &file) const
{
    const FormatSpec *s = spec(kind);
    ValidationContext context(text, s && s->isJson(), file);
    if (!s) {
        context.report(Severity::Error, QStringLiteral("VAL001"),
                       QStringLiteral("unknown secret kind '%1'").arg(kind), 0, QString());
        return context.takeFindings();
    }
    const std::shared_ptr<const KindValidator> code = d->validators.value(s->validator);
    if (s->isJson()) {
        if (!context.parseObject())
            return context.takeFindings();
        const VariantSpec *variant = ShapeCheck::checkObject(context, *s);
        if (variant && code)
            code->checkObject(context, *s, *variant);
        return context.takeFindings();
    }
    const QString decoded = QString::fromUtf8(text);
    if (decoded.toUtf8() != text) {
        context.report(Severity::Error, QStringLiteral("VAL003"),
                       QStringLiteral("the value is not valid UTF-8"), 0, QString());
        return context.takeFindings();
    }
    const StringField trimmed = ShapeCheck::checkString(context, *s, s->rules, context.wholeString());
    if (!trimmed.value.isEmpty() && code)
        code->checkString(context, *s, trimmed);
    return context.takeFindings();
}

QString ValidatorRegistry::detectKind(const QByteArray &document) const
{
    const JsonDocument doc = JsonDocument::parse(document);
    if (doc.ok() && doc.root().type == JsonNode::Type::Object) {
        const JsonNode &root = doc.root();
        auto has = [&](const char *key) {
            return doc.member(root, QString::fromLatin1(key)) != nullptr;
        };
        const JsonNode *type = doc.member(root, QStringLiteral("type"));
        if (type && type->type == JsonNode::Type::String) {
            const FormatSpec *gcp = spec(QStringLiteral("GCP_CREDENTIALS"));
            if (gcp && gcp->variant(type->text))
                return gcp->kind;
        }
        if (has("ACCESS_KEY") || has("SECRET_ACCESS_KEY") || has("aws_access_key_id") ||
            has("AWS_ACCESS_KEY_ID"))
            return QStringLiteral("AWS_CREDENTIALS");
        if (has("tenant_id") && has("client_id"))
            return QStringLiteral("AZ_CREDENTIALS");
        if (has("VAULT_TOKEN") || has("VAULT_ROLE_ID") || has("VAULT_KUBE_AUTH_ROLE"))
            return QStringLiteral("VAULT_CREDENTIALS");
        if (has("private_key") && has("client_email"))
            return QStringLiteral("GCP_CREDENTIALS");
        return {};
    }
    const QString text = QString::fromUtf8(document).trimmed();
    static const QRegularExpression github(QStringLiteral("^(gh[pousr]_|github_pat_)[A-Za-z0-9_.]+$"));
    static const QRegularExpression gitlab(QStringLiteral("^gl(pat|dt|oas|ptt|rt|cbt|ft|soat|imt)-"));
    if (github.match(text).hasMatch())
        return QStringLiteral("GITHUB_ACCESS_TOKEN");
    if (gitlab.match(text).hasMatch())
        return QStringLiteral("GITLAB_ACCESS_TOKEN");
    if (text.startsWith(QLatin1String("https://hooks.slack.com/")))
        return QStringLiteral("SLACK_WEBHOOK_URL");
    if (text.contains(QLatin1String("AccountName="), Qt::CaseInsensitive) ||
        text.startsWith(QLatin1String("DefaultEndpointsProtocol="), Qt::CaseInsensitive))
        return QStringLiteral("AZURE_STORAGE_CONNECTION_STRING");
    return {};
}

} // namespace secretdesk
