#include "core/store/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace secretdesk {

namespace {

Diagnostic catalogError(const QString &file, const QString &code, const QString &message,
                        const QString &pointer = {})
{
    Location where;
    where.file = file;
    where.pointer = pointer;
    return Diagnostic::error(Failure::InvalidInput, code, message, where);
}

// QJsonParseError gives an offset; people need a line and column.
Location locate(const QByteArray &json, int offset, const QString &file)
{
    const QByteArray before = json.left(offset);
    Location where;
    where.file = file;
    where.line = static_cast<int>(before.count('\n')) + 1;
    where.column = static_cast<int>(before.size() - before.lastIndexOf('\n'));
    return where;
}

QJsonObject recordToJson(const SecretRecord &r)
{
    QJsonObject o{{QStringLiteral("type"), SecretValue::typeName(r.type)},
                  {QStringLiteral("target"), exportTargetName(r.target)},
                  {QStringLiteral("created"), r.created.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("updated"), r.updated.toString(Qt::ISODateWithMs)}};
    if (!r.kind.isEmpty())
        o.insert(QStringLiteral("kind"), r.kind);
    if (!r.note.isEmpty())
        o.insert(QStringLiteral("note"), r.note);
    if (!r.remoteName.isEmpty())
        o.insert(QStringLiteral("remoteName"), r.remoteName);
    return o;
}

Result<SecretRecord> recordFromJson(const QString &nameText, const QJsonValue &value, const QString &file,
                                    const QString &pointer)
{
    auto name = SecretName::parse(nameText);
    if (!name)
        return catalogError(file, QStringLiteral("CATALOG004"), name.error().message, pointer);
    if (!value.isObject())
        return catalogError(file, QStringLiteral("CATALOG005"),
                            QStringLiteral("a secret entry must be an object"), pointer);
    const QJsonObject o = value.toObject();
    auto type = SecretValue::typeFromName(o.value(QStringLiteral("type")).toString(QStringLiteral("string")));
    if (!type)
        return catalogError(file, QStringLiteral("CATALOG006"), type.error().message,
                            pointer + QStringLiteral("/type"));
    auto target = exportTargetFromName(o.value(QStringLiteral("target")).toString(QStringLiteral("context")));
    if (!target)
        return catalogError(file, QStringLiteral("CATALOG006"), target.error().message,
                            pointer + QStringLiteral("/target"));
    SecretRecord r{*name};
    r.type = *type;
    r.target = *target;
    r.kind = o.value(QStringLiteral("kind")).toString();
    r.note = o.value(QStringLiteral("note")).toString();
    r.remoteName = o.value(QStringLiteral("remoteName")).toString();
    r.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    r.updated = QDateTime::fromString(o.value(QStringLiteral("updated")).toString(), Qt::ISODateWithMs);
    return r;
}

} // namespace

Result<Catalog> Catalog::fromJson(const QByteArray &json, const QString &file)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("CATALOG001"),
            QStringLiteral("the catalog is not valid JSON: %1").arg(parseError.errorString()),
            locate(json, parseError.offset, file));
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() ||
        root.value(QStringLiteral("format")).toString() != QLatin1String("secretdesk-catalog"))
        return catalogError(file, QStringLiteral("CATALOG002"),
                            QStringLiteral("this is not a Secretdesk catalog"));
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > FormatVersion) {
        return catalogError(file, QStringLiteral("CATALOG003"),
                            QStringLiteral("catalog version %1 is not supported (this build reads 1 to %2)")
                                .arg(version)
                                .arg(FormatVersion),
                            QStringLiteral("/version"));
    }
    Catalog catalog;
    const QJsonObject profiles = root.value(QStringLiteral("profiles")).toObject();
    for (auto p = profiles.begin(); p != profiles.end(); ++p) {
        const QString profilePointer = QStringLiteral("/profiles/") + p.key();
        auto profileName = ProfileName::parse(p.key());
        if (!profileName)
            return catalogError(file, QStringLiteral("CATALOG004"), profileName.error().message,
                                profilePointer);
        const QJsonObject profileObject = p.value().toObject();
        Profile &profile = catalog.m_profiles[p.key()];
        profile.settings = profileObject.value(QStringLiteral("settings")).toObject();
        const QJsonObject secrets = profileObject.value(QStringLiteral("secrets")).toObject();
        for (auto s = secrets.begin(); s != secrets.end(); ++s) {
            auto record = recordFromJson(s.key(), s.value(), file,
                                         profilePointer + QStringLiteral("/secrets/") + s.key());
            if (!record)
                return record.error();
            profile.secrets.insert(s.key(), *record);
        }
    }
    // A damaged intent is dropped, not fatal: the catalog itself stays readable.
    for (const QJsonValue &entry : root.value(QStringLiteral("pending")).toArray()) {
        if (auto intent = PendingIntent::fromJson(entry.toObject()))
            catalog.m_pending.append(*intent);
    }
    return catalog;
}

QByteArray Catalog::toJson() const
{
    QJsonObject profiles;
    for (auto p = m_profiles.begin(); p != m_profiles.end(); ++p) {
        QJsonObject secrets;
        for (const SecretRecord &r : p->secrets)
            secrets.insert(r.name.toString(), recordToJson(r));
        QJsonObject profile{{QStringLiteral("secrets"), secrets}};
        if (!p->settings.isEmpty())
            profile.insert(QStringLiteral("settings"), p->settings);
        profiles.insert(p.key(), profile);
    }
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("secretdesk-catalog")},
                     {QStringLiteral("version"), FormatVersion},
                     {QStringLiteral("profiles"), profiles}};
    if (!m_pending.isEmpty()) {
        QJsonArray pending;
        for (const PendingIntent &intent : m_pending)
            pending.append(intent.toJson());
        root.insert(QStringLiteral("pending"), pending);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QStringList Catalog::profiles() const
{
    return m_profiles.keys();
}

QList<SecretRecord> Catalog::records(const ProfileName &profile) const
{
    const auto it = m_profiles.constFind(profile.toString());
    return it == m_profiles.cend() ? QList<SecretRecord>() : it->secrets.values();
}

const SecretRecord *Catalog::find(const ProfileName &profile, const SecretName &name) const
{
    const auto p = m_profiles.constFind(profile.toString());
    if (p == m_profiles.cend())
        return nullptr;
    const auto s = p->secrets.constFind(name.toString());
    return s == p->secrets.cend() ? nullptr : &*s;
}

void Catalog::upsert(const ProfileName &profile, const SecretRecord &record)
{
    m_profiles[profile.toString()].secrets.insert(record.name.toString(), record);
}

bool Catalog::remove(const ProfileName &profile, const SecretName &name)
{
    const auto p = m_profiles.find(profile.toString());
    return p != m_profiles.end() && p->secrets.remove(name.toString()) > 0;
}

QJsonObject Catalog::profileSettings(const ProfileName &profile, const QString &key) const
{
    return m_profiles.value(profile.toString()).settings.value(key).toObject();
}

void Catalog::setProfileSettings(const ProfileName &profile, const QString &key, const QJsonObject &settings)
{
    QJsonObject &all = m_profiles[profile.toString()].settings;
    if (settings.isEmpty())
        all.remove(key);
    else
        all.insert(key, settings);
}

bool Catalog::removePending(const QString &id)
{
    return m_pending.removeIf([&](const PendingIntent &intent) { return intent.id == id; }) > 0;
}

int Catalog::secretCount() const
{
    int count = 0;
    for (const Profile &profile : m_profiles)
        count += static_cast<int>(profile.secrets.size());
    return count;
}

} // namespace secretdesk
