#include "core/store/SecretStore.h"

#include "core/model/SecureBytes.h"
#include "core/store/CatalogWriteQueue.h"
#include "core/store/StoreDoctor.h"
#include "core/store/StoreLog.h"

#include <QPointer>

namespace secretdesk {

namespace {

Diagnostic notFound(const SecretName &name, const ProfileName &profile)
{
    return Diagnostic::error(
        Failure::NotFound, QStringLiteral("STORE001"),
        QStringLiteral("no secret named '%1' in profile '%2'").arg(name.toString(), profile.toString()));
}

// The caller's callback, run only while its context lives, after the write lock was released.
template<class R>
std::function<void(R)> replyTo(QObject *context, std::function<void(R)> done,
                               CatalogWriteQueue::Finish finish)
{
    return [guard = QPointer<QObject>(context), hadContext = context != nullptr, done = std::move(done),
            finish = std::move(finish)](R result) {
        finish();
        if (!hadContext || guard)
            done(std::move(result));
    };
}

} // namespace

SecretStore::SecretStore(CatalogFile catalog, KeychainVault *vault, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_vault(vault)
    , m_writes(new CatalogWriteQueue(m_catalog, this))
{}

SecretStore::~SecretStore() = default;

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

Result<QList<PendingIntent>> SecretStore::pendingIntents() const
{
    auto catalog = m_catalog.load();
    if (!catalog)
        return catalog.error();
    return catalog->pending();
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
        wipeBytes(bytes.value());
    });
}

Status SecretStore::note(const PendingIntent &intent)
{
    qCDebug(lcStore).noquote() << "intent:" << intent.describe();
    return m_catalog.updateLocked([&](Catalog &catalog) -> Status {
        catalog.addPending(intent);
        return {};
    });
}

void SecretStore::clearIntent(const QString &id)
{
    const Status cleared = m_catalog.updateLocked([&](Catalog &catalog) -> Status {
        catalog.removePending(id);
        return {};
    });
    if (!cleared)
        qCWarning(lcStore).noquote() << "a pending intent stays in the catalog:"
                                     << cleared.error().toString();
}

void SecretStore::save(const ProfileName &profile, const SecretChange &change, QObject *context,
                       RecordDone done)
{
    m_writes->enqueue([=, this](Status locked, CatalogWriteQueue::Finish finish) {
        auto reply = replyTo<Result<SecretRecord>>(context, done, finish);
        if (!locked)
            return reply(locked.error());
        auto existing = record(profile, change.name);
        if (!existing && existing.error().failure != Failure::NotFound)
            return reply(existing.error());
        PendingIntent intent = PendingIntent::make(PendingIntent::Op::Set, profile, change.name);
        intent.type = change.value.type();
        if (Status noted = note(intent); !noted)
            return reply(noted.error());
        const QString key = keychainKey(profile, change.name);
        const QString id = intent.id;

        // After the value is written: commit the record and clear the intent in one catalog write.
        auto commit = [=, this](const std::optional<QByteArray> &previous) {
            std::optional<SecretRecord> saved;
            const Status committed = m_catalog.updateLocked([&](Catalog &catalog) -> Status {
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
                catalog.removePending(id);
                saved = r;
                return {};
            });
            if (committed) {
                qCDebug(lcStore).noquote() << "committed: set" << key;
                Q_EMIT changed();
                return reply(*saved);
            }
            // Put the keychain back as it was, then drop the intent.
            auto undone = [=, this](Status) {
                clearIntent(id);
                reply(committed.error());
            };
            if (previous)
                m_vault->write(key, *previous, this, undone);
            else
                m_vault->remove(key, this, undone);
        };
        auto writeNew = [=, this](std::optional<QByteArray> previous) {
            m_vault->write(key, change.value.utf8(), this, [=, this](Status written) mutable {
                if (!written) {
                    clearIntent(id);
                    return reply(written.error());
                }
                commit(previous);
                if (previous)
                    wipeBytes(*previous);
            });
        };
        if (!existing)
            return writeNew(std::nullopt);
        // Keep the old value so a failing catalog update can put it back.
        m_vault->read(key, this, [=, this](Result<QByteArray> old) {
            if (!old && old.error().failure != Failure::NotFound) {
                clearIntent(id);
                return reply(old.error());
            }
            writeNew(old ? std::optional<QByteArray>(*old) : std::nullopt);
            if (old)
                wipeBytes(old.value());
        });
    });
}

void SecretStore::remove(const ProfileName &profile, const SecretName &name, QObject *context, Done done)
{
    m_writes->enqueue([=, this](Status locked, CatalogWriteQueue::Finish finish) {
        auto reply = replyTo<Status>(context, done, finish);
        if (!locked)
            return reply(locked);
        auto existing = record(profile, name);
        if (!existing)
            return reply(existing.error());
        const PendingIntent intent = PendingIntent::make(PendingIntent::Op::Delete, profile, name);
        if (Status noted = note(intent); !noted)
            return reply(noted);
        const QString key = keychainKey(profile, name);
        const QString id = intent.id;
        m_vault->read(key, this, [=, this](Result<QByteArray> old) {
            if (!old && old.error().failure != Failure::NotFound) {
                clearIntent(id);
                return reply(old.error());
            }
            QByteArray previous = old ? *old : QByteArray();
            const bool hadValue = old.ok();
            m_vault->remove(key, this, [=, this](Status removed) mutable {
                if (!removed) {
                    clearIntent(id);
                    wipeBytes(previous);
                    return reply(removed);
                }
                const Status committed = m_catalog.updateLocked([&](Catalog &catalog) -> Status {
                    catalog.remove(profile, name);
                    catalog.removePending(id);
                    return {};
                });
                if (committed) {
                    qCDebug(lcStore).noquote() << "committed: delete" << key;
                    wipeBytes(previous);
                    Q_EMIT changed();
                    return reply({});
                }
                if (!hadValue) {
                    clearIntent(id);
                    return reply(committed);
                }
                m_vault->write(key, previous, this, [=, this](Status) {
                    clearIntent(id);
                    reply(committed);
                });
                wipeBytes(previous);
            });
        });
    });
}

void SecretStore::rename(const ProfileName &profile, const SecretName &from, const SecretName &to,
                         QObject *context, RecordDone done)
{
    m_writes->enqueue([=, this](Status locked, CatalogWriteQueue::Finish finish) {
        auto reply = replyTo<Result<SecretRecord>>(context, done, finish);
        if (!locked)
            return reply(locked.error());
        auto existing = record(profile, from);
        if (!existing || from == to)
            return reply(existing);
        if (record(profile, to))
            return reply(
                Diagnostic::error(Failure::Conflict, QStringLiteral("STORE002"),
                                  QStringLiteral("a secret named '%1' already exists in profile '%2'")
                                      .arg(to.toString(), profile.toString())));
        PendingIntent intent = PendingIntent::make(PendingIntent::Op::Rename, profile, from);
        intent.newName = to;
        intent.type = existing->type;
        if (Status noted = note(intent); !noted)
            return reply(noted.error());
        const QString oldKey = keychainKey(profile, from), newKey = keychainKey(profile, to), id = intent.id;
        // Whatever fails, the keychain goes back to holding the value under the old name only.
        auto undo = [=, this](const Diagnostic &error, const QByteArray &value) {
            m_vault->write(oldKey, value, this, [=, this](Status) {
                m_vault->remove(newKey, this, [=, this](Status) {
                    clearIntent(id);
                    reply(error);
                });
            });
        };
        // Copy to the new name, remove the old one, then move the record and clear the intent in one
        // catalog write: a kill in between leaves a copy or a moved value that doctor recognises.
        m_vault->read(oldKey, this, [=, this](Result<QByteArray> value) {
            if (!value) {
                clearIntent(id);
                return reply(value.error());
            }
            const QByteArray bytes = *value;
            m_vault->write(newKey, bytes, this, [=, this](Status written) {
                if (!written)
                    return undo(written.error(), bytes);
                m_vault->remove(oldKey, this, [=, this](Status removed) {
                    if (!removed)
                        return undo(removed.error(), bytes);
                    std::optional<SecretRecord> moved;
                    const Status committed = m_catalog.updateLocked([&](Catalog &catalog) -> Status {
                        const SecretRecord *old = catalog.find(profile, from);
                        SecretRecord r = old ? *old : *existing;
                        r.name = to;
                        r.updated = QDateTime::currentDateTimeUtc();
                        catalog.remove(profile, from);
                        catalog.upsert(profile, r);
                        catalog.removePending(id);
                        moved = r;
                        return {};
                    });
                    if (!committed)
                        return undo(committed.error(), bytes);
                    qCDebug(lcStore).noquote() << "committed: rename" << oldKey << "->" << newKey;
                    Q_EMIT changed();
                    reply(*moved);
                });
            });
            wipeBytes(value.value());
        });
    });
}

void SecretStore::check(QObject *context, ProblemsDone done)
{
    runDoctor(std::nullopt, context, std::move(done));
}

void SecretStore::repair(const RepairOptions &options, QObject *context, ProblemsDone done)
{
    runDoctor(options, context, std::move(done));
}

void SecretStore::runDoctor(std::optional<RepairOptions> options, QObject *context, ProblemsDone done)
{
    m_writes->enqueue([=, this](Status locked, CatalogWriteQueue::Finish finish) {
        auto reply = replyTo<Result<QList<StoreProblem>>>(context, done, finish);
        if (!locked)
            return reply(locked.error());
        const bool repairing = options.has_value();
        auto *doctor = new StoreDoctor(m_catalog, m_vault, options, this);
        doctor->run([this, reply, repairing](Result<QList<StoreProblem>> result) {
            if (repairing && result && !result->isEmpty())
                Q_EMIT changed();
            reply(std::move(result));
        });
    });
}

} // namespace secretdesk
