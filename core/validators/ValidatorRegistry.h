#pragma once

#include "core/model/SecretValue.h"
#include "core/validators/Finding.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace secretdesk {

struct FormatSpec;
class KindValidator;

// What the GUI and CLI need to know about one kind of default secret.
struct KindInfo {
    QString id;          // "GCP_CREDENTIALS"
    QString displayName; // "Google Cloud credentials"
    SecretValue::Type valueType = SecretValue::Type::String;
    QString valueTypeName;       // "string" or "json"
    QStringList secretNames;     // names that imply this kind
    QByteArray templateDocument; // a skeleton for a new secret (empty string for string kinds)
    QString description;
};

// Every built-in validator, one per default-secret kind. The member sets, types and patterns
// come from resources/formats/*.json (compiled in); key parsing and checksums are code.
// Validation is synchronous, pure and allocation-light: fine for every keystroke of a 4 KiB document.
class ValidatorRegistry {
public:
    ValidatorRegistry();
    ~ValidatorRegistry();
    ValidatorRegistry(const ValidatorRegistry &);
    ValidatorRegistry &operator=(const ValidatorRegistry &);

    // The kind a Prefect default-secret name implies ("GCP_CREDENTIALS" -> "GCP_CREDENTIALS",
    // "AZ_CONNECTION_STRING" -> "AZURE_STORAGE_CONNECTION_STRING"), or empty.
    QString kindForName(const QString &secretName) const;
    QList<KindInfo> kinds() const;
    bool hasKind(const QString &kind) const;

    // Findings for a stored value. A JSON kind given a string value is an error (VAL002), and
    // the string is still checked as JSON.
    Findings validate(const QString &kind, const SecretValue &value) const;
    // Findings for text as typed or read from `file` (used in locations): JSON syntax errors get
    // line:column, fixes are edits of exactly this text.
    Findings validateText(const QString &kind, const QByteArray &text, const QString &file = {}) const;

    // The kind a dropped file or pasted text most likely is (a service-account JSON ->
    // GCP_CREDENTIALS, ghp_… -> GITHUB_ACCESS_TOKEN), or empty.
    QString detectKind(const QByteArray &document) const;

private:
    const FormatSpec *spec(const QString &kind) const;
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace secretdesk
