#pragma once

#include "core/model/SecretRecord.h"
#include "core/store/PendingIntent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace secretdesk {

// The names and metadata of every secret, by profile; never a value. Pure data: CatalogFile does the I/O.
class Catalog {
public:
    static constexpr int FormatVersion = 1;

    // Parses the catalog file's text; `file` only labels diagnostics.
    static Result<Catalog> fromJson(const QByteArray &json, const QString &file = {});
    QByteArray toJson() const;

    QStringList profiles() const;
    QList<SecretRecord> records(const ProfileName &profile) const; // sorted by name
    const SecretRecord *find(const ProfileName &profile, const SecretName &name) const;

    void upsert(const ProfileName &profile, const SecretRecord &record);
    bool remove(const ProfileName &profile, const SecretName &name);

    // Settings a profile keeps beside its secrets (e.g. the linked remote); opaque to the catalog.
    QJsonObject profileSettings(const ProfileName &profile, const QString &key) const;
    void setProfileSettings(const ProfileName &profile, const QString &key, const QJsonObject &settings);

    // Write-ahead intents of operations that have not finished (see PendingIntent).
    const QList<PendingIntent> &pending() const { return m_pending; }
    void addPending(const PendingIntent &intent) { m_pending.append(intent); }
    bool removePending(const QString &id);
    int secretCount() const; // over all profiles

private:
    struct Profile {
        QMap<QString, SecretRecord> secrets;
        QJsonObject settings;
    };
    QMap<QString, Profile> m_profiles;
    QList<PendingIntent> m_pending;
};

} // namespace secretdesk
