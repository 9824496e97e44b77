#include "core/store/SecretStore.h"

namespace secretdesk {

namespace {
Diagnostic notFound(const SecretName &name, const ProfileName &profile)
{
    return Diagnostic::error(
        Failure::NotFound, QStringLiteral("STORE001"),
        QStringLiteral("no secret named '%1' in profile '%2'").arg(name.toString(), profile.toString()));
}
} // namespace

SecretStore::SecretStore(CatalogFile catalog, KeychainVault *vault, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_vault(vault)
{}

QString SecretStore::keychainKey(const ProfileName &profile, const SecretName &name)
{
    return profile.toString() + QLatin1Char('/') + name.toString();
}

Result<QStringList> SecretStore::profiles() const
{
    auto catalog = m_catalog.load();
    if (!catalog)
        return catalog.error();
    QStringList names = catalog->profiles();
    if (!names.contains(ProfileName::defaultProfile().toString()))
        names.prepend(ProfileName::defaultProfile().toString());
    return names;
}

Result<QList<SecretRecord>> SecretStore::records(const ProfileName &profile) const
{
    auto catalog = m_catalog.load();
    if (!catalog)
        return catalog.error();
    return catalog->records(profile);
}

Result<SecretRecord> SecretStore::record(const ProfileName &profile, const SecretName &name) const
{
    auto catalog = m_catalog.load();
    if (!catalog)
        return catalog.error();
    const SecretRecord *found = catalog->find(profile, name);
    if (!found)
        return notFound(name, profile);
    return *found;
}

void SecretStore::readValue(const ProfileName &profile, const SecretName &name, QObject *context,
                            ValueDone done)
{
    auto rec = record(profile, name);
    if (!rec) {
        done(rec.error());
        return;
    }
    const SecretValue::Type type = rec->type;
    m_vault->read(keychainKey(profile, name), context, [done, type](Result<QByteArray> bytes) {
        if (!bytes) {
            done(bytes.error());
            return;
        }
        done(SecretValue::fromStored(type, *bytes));
    });
}

void SecretStore::save(const ProfileName &profile, const SecretChange &change, QObject *context,
                       RecordDone done)
{
    auto existing = record(profile, change.name);
    if (!existing && existing.error().failure != Failure::NotFound) {
        done(existing.error());
        return;
    }
    const QString key = keychainKey(profile, change.name);
    auto writeNew = [this, profile, change, key, context, done](std::optional<SecretValue> previous) {
        m_vault->write(key, change.value.utf8(), context, [=, this](Status written) {
            if (!written) {
                done(written.error());
                return;
            }
            commitRecord(profile, change, previous, context, done);
        });
    };
    if (!existing) {
        writeNew(std::nullopt);
        return;
    }
    // Keep the old value so a failing catalog update can put it back.
    m_vault->read(key, context, [writeNew, type = existing->type, done](Result<QByteArray> old) {
        if (!old && old.error().failure != Failure::NotFound) {
            done(old.error());
            return;
        }
        std::optional<SecretValue> previous;
        if (old) {
            if (auto value = SecretValue::fromStored(type, *old))
                previous = *value;
        }
        writeNew(previous);
    });
}

void SecretStore::commitRecord(const ProfileName &profile, const SecretChange &change,
                               const std::optional<SecretValue> &previous, QObject *context, RecordDone done)
{
    std::optional<SecretRecord> saved;
    const Status committed = m_catalog.update([&](Catalog &catalog) -> Status {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const SecretRecord *old = catalog.find(profile, change.name);
        SecretRecord r = old ? *old : SecretRecord{change.name};
        if (!old)
            r.created = now;
        r.updated = now;
        r.type = change.value.type();
        if (change.kind)
            r.kind = *change.kind;
        if (change.note)
            r.note = *change.note;
        if (change.target)
            r.target = *change.target;
        if (change.remoteName)
            r.remoteName = *change.remoteName;
        catalog.upsert(profile, r);
        saved = r;
        return {};
    });
    if (committed) {
        Q_EMIT changed();
        done(*saved);
        return;
    }
    const QString key = keychainKey(profile, change.name);
    auto report = [done, error = committed.error()](Status) {
        done(error);
    };
    if (previous)
        m_vault->write(key, previous->utf8(), context, report);
    else
        m_vault->remove(key, context, report);
}

void SecretStore::remove(const ProfileName &profile, const SecretName &name, QObject *context, Done done)
{
    auto existing = record(profile, name);
    if (!existing) {
        done(existing.error());
        return;
    }
    const QString key = keychainKey(profile, name);
    m_vault->read(key, context, [this, profile, name, key, context, done](Result<QByteArray> old) {
        if (!old && old.error().failure != Failure::NotFound) {
            done(old.error());
            return;
        }
        const QByteArray previous = old ? *old : QByteArray();
        const bool hadValue = old.ok();
        m_vault->remove(key, context, [=, this](Status removed) {
            if (!removed) {
                done(removed);
                return;
            }
            const Status committed = m_catalog.update([&](Catalog &catalog) -> Status {
                catalog.remove(profile, name);
                return {};
            });
            if (committed) {
                Q_EMIT changed();
                done({});
            } else if (hadValue) {
                m_vault->write(key, previous, context, [done, committed](Status) { done(committed); });
            } else {
                done(committed);
            }
        });
    });
}

} // namespace secretdesk
