#pragma once

#include "core/model/Result.h"
#include "core/model/SecretName.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace secretdesk {

class CatalogFile;

enum class BackendKind { Prefect1, Prefect2 };
QString backendName(BackendKind kind);
Result<BackendKind> backendFromName(const QString &name);

// The remote a profile is linked to. Kept in the catalog (profile settings "cloud"); the API key
// lives in the keychain under apiKeyKey(profile), never here.
struct CloudLink {
    BackendKind backend = BackendKind::Prefect2;
    QUrl apiUrl;       // Prefect 1: the GraphQL endpoint; Prefect 2/3: PREFECT_API_URL
    QString workspace; // Prefect 1: tenant id (optional); Prefect 2/3: "<account>/<workspace>" or empty

    static constexpr const char *SettingsKey = "cloud";
    static QString apiKeyKey(const ProfileName &profile);

    // HTTPS is required except for loopback hosts; checks the URL's shape.
    static Result<QUrl> checkUrl(const QString &text);
    // Builds a link, deriving the workspace from a Prefect Cloud URL.
    static Result<CloudLink> make(BackendKind backend, const QString &url, const QString &tenant = {});

    QJsonObject toJson() const;
    static Result<CloudLink> fromJson(const QJsonObject &json);

    static Result<std::optional<CloudLink>> load(const CatalogFile &catalog, const ProfileName &profile);
    Status save(const CatalogFile &catalog, const ProfileName &profile) const;
    static Status clear(const CatalogFile &catalog, const ProfileName &profile);
};

} // namespace secretdesk
