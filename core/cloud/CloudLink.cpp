#include "core/cloud/CloudLink.h"

#include "core/store/CatalogFile.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace secretdesk {

namespace {
Diagnostic badUrl(const QString &message)
{
    Location where;
    where.pointer = QStringLiteral("/apiUrl");
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("CLOUD001"), message, where);
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

QString backendName(BackendKind kind)
{
    return kind == BackendKind::Prefect1 ? QStringLiteral("prefect1") : QStringLiteral("prefect2");
}

Result<BackendKind> backendFromName(const QString &name)
{
    if (name == QLatin1String("prefect1"))
        return BackendKind::Prefect1;
    if (name == QLatin1String("prefect2"))
        return BackendKind::Prefect2;
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("CLOUD002"),
                             QStringLiteral("unknown backend '%1': use prefect1 or prefect2").arg(name));
}

QString CloudLink::apiKeyKey(const ProfileName &profile)
{
    // Secret names never start with '@', so this key cannot collide with a secret's.
    return profile.toString() + QStringLiteral("/@cloud-api-key");
}

Result<QUrl> CloudLink::checkUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return badUrl(QStringLiteral("'%1' is not an absolute URL with a host").arg(text));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return badUrl(QStringLiteral("the API URL must not carry credentials, a query or a fragment"));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        if (!isLoopback(url.host()))
            return badUrl(QStringLiteral("'%1' is plain HTTP: HTTPS is required except for loopback "
                                         "addresses (127.0.0.1, ::1, localhost)")
                              .arg(url.host()));
    } else if (scheme != QLatin1String("https")) {
        return badUrl(QStringLiteral("unsupported URL scheme '%1': use https").arg(url.scheme()));
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

Result<CloudLink> CloudLink::make(BackendKind backend, const QString &url, const QString &tenant)
{
    auto checked = checkUrl(url);
    if (!checked)
        return checked.error();
    CloudLink link;
    link.backend = backend;
    link.apiUrl = *checked;
    if (backend == BackendKind::Prefect1) {
        link.workspace = tenant;
    } else {
        static const QRegularExpression cloudPath(
            QStringLiteral("/accounts/([0-9A-Fa-f-]+)/workspaces/([0-9A-Fa-f-]+)$"));
        const auto match = cloudPath.match(link.apiUrl.path());
        if (match.hasMatch())
            link.workspace = match.captured(1) + QLatin1Char('/') + match.captured(2);
    }
    return link;
}

QJsonObject CloudLink::toJson() const
{
    QJsonObject json{{QStringLiteral("backend"), backendName(backend)},
                     {QStringLiteral("apiUrl"), apiUrl.toString()}};
    if (!workspace.isEmpty())
        json.insert(QStringLiteral("workspace"), workspace);
    return json;
}

Result<CloudLink> CloudLink::fromJson(const QJsonObject &json)
{
    auto backend = backendFromName(json.value(QStringLiteral("backend")).toString());
    if (!backend)
        return backend.error();
    auto link = make(*backend, json.value(QStringLiteral("apiUrl")).toString());
    if (!link)
        return link.error();
    link.value().workspace = json.value(QStringLiteral("workspace")).toString();
    return link;
}

Result<std::optional<CloudLink>> CloudLink::load(const CatalogFile &catalog, const ProfileName &profile)
{
    auto loaded = catalog.load();
    if (!loaded)
        return loaded.error();
    const QJsonObject json = loaded->profileSettings(profile, QLatin1String(SettingsKey));
    if (json.isEmpty())
        return std::optional<CloudLink>();
    auto link = fromJson(json);
    if (!link) {
        Diagnostic error = link.error();
        error.location.file = catalog.path();
        return error;
    }
    return std::optional<CloudLink>(*link);
}

Status CloudLink::save(const CatalogFile &catalog, const ProfileName &profile) const
{
    const QJsonObject json = toJson();
    return catalog.update([&](Catalog &c) {
        c.setProfileSettings(profile, QLatin1String(SettingsKey), json);
        return Status::success();
    });
}

Status CloudLink::clear(const CatalogFile &catalog, const ProfileName &profile)
{
    return catalog.update([&](Catalog &c) {
        c.setProfileSettings(profile, QLatin1String(SettingsKey), QJsonObject());
        return Status::success();
    });
}

} // namespace secretdesk
