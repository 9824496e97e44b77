#include "core/cloud/CloudBackend.h"

#include "core/cloud/Prefect1Backend.h"
#include "core/cloud/Prefect2Backend.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace secretdesk {

std::unique_ptr<CloudBackend> CloudBackend::create(const CloudLink &link, const QByteArray &apiKey,
                                                   const RetryPolicy &policy, QObject *parent)
{
    if (link.backend == BackendKind::Prefect1)
        return std::make_unique<Prefect1Backend>(link, apiKey, policy, parent);
    return std::make_unique<Prefect2Backend>(link, apiKey, policy, parent);
}

QJsonValue valueToJson(const SecretValue &value)
{
    if (value.isJson())
        return QJsonDocument::fromJson(value.utf8()).object();
    return value.toString();
}

Result<SecretValue> valueFromJson(const QJsonValue &json, const QString &remoteName)
{
    if (json.isString())
        return SecretValue::fromString(json.toString());
    if (json.isObject())
        return SecretValue::fromJson(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    Location where;
    where.pointer = QStringLiteral("/") + remoteName;
    return Diagnostic::error(Failure::Remote, QStringLiteral("CLOUD020"),
                             QStringLiteral("remote secret '%1' holds a JSON %2; only strings and objects "
                                            "can be kept locally")
                                 .arg(remoteName, json.isArray()  ? QStringLiteral("array")
                                                  : json.isNull() ? QStringLiteral("null")
                                                  : json.isBool() ? QStringLiteral("boolean")
                                                                  : QStringLiteral("number")),
                             where);
}

bool sameValue(const SecretValue &a, const SecretValue &b)
{
    if (a.type() != b.type())
        return false;
    if (!a.isJson())
        return a.utf8() == b.utf8();
    return QJsonDocument::fromJson(a.utf8()).object() == QJsonDocument::fromJson(b.utf8()).object();
}

} // namespace secretdesk
