#include "core/cloud/CloudSync.h"

#include "core/cloud/Cancellation.h"
#include "core/cloud/LocalValues.h"

#include <QSet>

#include <algorithm>

namespace secretdesk {

namespace {
using RemoteMap = QHash<QString, RemoteSecret>;

RemoteMap byName(const QList<RemoteSecret> &remote)
{
    RemoteMap map;
    for (const RemoteSecret &secret : remote)
        map.insert(secret.name, secret);
    return map;
}

Diagnostic itemError(Failure failure, const QString &code, const QString &message)
{
    return Diagnostic::error(failure, code, message);
}

// Applies a backend's per-name outcomes (or its whole failure) to the items it was asked about.
void applyOutcomes(SyncReport &report, const QSet<QString> &asked,
                   const Result<QMap<QString, Status>> &outcome)
{
    if (!outcome) {
        report.failure = outcome.error();
        if (outcome.error().failure == Failure::Unauthorized)
            return; // one clear message, not one per secret
    }
    for (SyncItem &item : report.items) {
        if (!asked.contains(item.remoteName))
            continue;
        if (!outcome) {
            item.error = outcome.error();
            continue;
        }
        const Status status = outcome->value(item.remoteName);
        if (!status)
            item.error = status.error();
    }
}
} // namespace

CloudSync::CloudSync(SecretStore *store, ProfileName profile, CloudBackend *backend, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_profile(std::move(profile))
    , m_backend(backend)
{
    connect(m_backend, &CloudBackend::itemsFinished, this, [this](int count) { advance(count); });
}

void CloudSync::begin()
{
    m_cancelled = false;
    m_done = 0;
    m_total = 0;
    emit progress(0, 0);
}

void CloudSync::setTotal(int total)
{
    m_total = total;
    emit progress(m_done, m_total);
}

void CloudSync::advance(int count)
{
    if (count <= 0 || m_cancelled)
        return;
    m_done = std::min(m_total, m_done + count);
    emit progress(m_done, m_total);
}

LocalValues::Hooks CloudSync::hooks()
{
    return LocalValues::Hooks{[this] { advance(); },
                              [this] {
                                  return m_cancelled;
                              }};
}

void CloudSync::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    m_backend->cancel();
}

void CloudSync::markUnfinished(SyncReport &report)
{
    for (SyncItem &item : report.items) {
        if (!item.error && (item.action == SyncAction::Create || item.action == SyncAction::Update ||
                            item.action == SyncAction::Delete))
            item.error = cancelledError(QStringLiteral("'%1'").arg(item.remoteName));
    }
}

Result<SyncPlan> CloudSync::plan() const
{
    auto records = m_store->records(m_profile);
    if (!records)
        return records.error();
    return SyncPlan(m_backend->kind(), *records);
}

void CloudSync::finish(SyncReport report, const ReportDone &done)
{
    std::sort(report.items.begin(), report.items.end(), [](const SyncItem &a, const SyncItem &b) {
        return a.remoteName < b.remoteName || (a.remoteName == b.remoteName && a.localName < b.localName);
    });
    report.requests = m_backend->requestsSent();
    if (m_cancelled) {
        report.failure = cancelledError(QStringLiteral("sync"));
    } else {
        m_done = m_total;
        emit progress(m_total, m_total);
    }
    done(std::move(report));
}

void CloudSync::status(QObject *context, ReportDone done)
{
    begin();
    auto p = plan();
    if (!p)
        return done(SyncReport{{}, p.error(), false, 0});
    m_backend->list(false, {}, context, [this, p = *p, done](Result<QList<RemoteSecret>> remote) {
        SyncReport report;
        if (!remote)
            report.failure = remote.error();
        else
            report.items = p.compare(*remote, {});
        finish(std::move(report), done);
    });
}

void CloudSync::diff(QObject *context, ReportDone done)
{
    begin();
    auto p = plan();
    if (!p)
        return done(SyncReport{{}, p.error(), false, 0});
    m_backend->list(true, {}, context, [this, p = *p, context, done](Result<QList<RemoteSecret>> remote) {
        if (!remote)
            return finish(SyncReport{{}, remote.error(), false, 0}, done);
        QList<SecretName> toRead;
        for (const RemoteSecret &secret : *remote) {
            if (const SecretRecord *record = p.names().recordFor(secret.name); record && secret.value)
                toRead.append(record->name);
        }
        setTotal(int(toRead.size()));
        LocalValues::read(
            m_store, m_profile, toRead, context,
            [this, p, remote = *remote, done](LocalValues::Read local) {
                SyncReport report;
                report.items = p.compare(remote, local.values);
                for (SyncItem &item : report.items) {
                    if (local.errors.contains(item.localName))
                        item.error = local.errors.value(item.localName);
                }
                finish(std::move(report), done);
            },
            hooks());
    });
}

void CloudSync::push(const QStringList &names, bool dryRun, QObject *context, ReportDone done)
{
    begin();
    auto p = plan();
    if (!p)
        return done(SyncReport{{}, p.error(), dryRun, 0});
    SyncReport report;
    report.dryRun = dryRun;
    QList<SecretRecord> selected;
    QHash<QString, QString> claimed; // remote name -> local name
    for (const SecretRecord &record : p->select(names, report.items)) {
        const QString remote = p->names().remoteNameOf(record);
        SyncItem item{record.name.toString(), remote,           Presence::LocalOnly,
                      Comparison::Unknown,    SyncAction::None, {}};
        if (!RemoteNames::isValidRemoteName(m_backend->kind(), remote)) {
            item.error = itemError(
                Failure::InvalidInput, QStringLiteral("CLOUD012"),
                QStringLiteral("'%1' is not a valid remote name (only a-z, 0-9 and -)").arg(remote));
        } else if (claimed.contains(remote)) {
            item.error = itemError(Failure::Conflict, QStringLiteral("CLOUD013"),
                                   QStringLiteral("'%1' and '%2' both map to remote name '%3'")
                                       .arg(claimed.value(remote), item.localName, remote));
        } else {
            claimed.insert(remote, item.localName);
            selected.append(record);
            continue;
        }
        report.items.append(item);
    }
    m_backend->list(m_backend->listsValuesCheaply(), claimed.keys(), context,
                    [=, this](Result<QList<RemoteSecret>> listed) mutable {
                        if (!listed) {
                            report.failure = listed.error();
                            return finish(std::move(report), done);
                        }
                        const RemoteMap remote = byName(*listed);
                        QList<SecretName> toRead;
                        for (const SecretRecord &record : selected)
                            toRead.append(record.name);
                        setTotal(int(2 * selected.size())); // a keychain read and a remote write each
                        LocalValues::read(
                            m_store, m_profile, toRead, context,
                            [=, this](LocalValues::Read local) mutable {
                                QList<RemoteWrite> writes;
                                QSet<QString> asked;
                                for (const SecretRecord &record : selected) {
                                    const QString remoteName = p->names().remoteNameOf(record);
                                    SyncItem item{record.name.toString(), remoteName,
                                                  Presence::LocalOnly,    Comparison::Unknown,
                                                  SyncAction::Create,     {}};
                                    const auto found = remote.constFind(remoteName);
                                    if (found != remote.cend()) {
                                        item.presence = Presence::Both;
                                        item.action = SyncAction::Update;
                                    }
                                    const auto value = local.values.constFind(item.localName);
                                    if (value == local.values.cend()) {
                                        item.error = local.errors.value(item.localName);
                                    } else {
                                        if (found != remote.cend() && found->value) {
                                            item.comparison = sameValue(*found->value, *value)
                                                                  ? Comparison::Same
                                                                  : Comparison::Changed;
                                            if (item.comparison == Comparison::Same)
                                                item.action = SyncAction::Unchanged;
                                        }
                                        if (item.action != SyncAction::Unchanged) {
                                            writes.append(RemoteWrite{remoteName, *value});
                                            asked.insert(remoteName);
                                        }
                                    }
                                    report.items.append(item);
                                }
                                advance(int(selected.size() - writes.size()));
                                if (m_cancelled)
                                    markUnfinished(report);
                                if (dryRun || writes.isEmpty() || m_cancelled)
                                    return finish(std::move(report), done);
                                m_backend->write(writes, context,
                                                 [=, this](Result<QMap<QString, Status>> outcome) mutable {
                                                     applyOutcomes(report, asked, outcome);
                                                     rememberRemoteNames(report.items);
                                                     finish(std::move(report), done);
                                                 });
                            },
                            hooks());
                    });
}

void CloudSync::rememberRemoteNames(const QList<SyncItem> &pushed) const
{
    if (m_backend->kind() != BackendKind::Prefect2)
        return;
    QHash<QString, QString> remembered;
    for (const SyncItem &item : pushed) {
        if (!item.error && (item.action == SyncAction::Create || item.action == SyncAction::Update ||
                            item.action == SyncAction::Unchanged))
            remembered.insert(item.localName, item.remoteName);
    }
    if (remembered.isEmpty())
        return;
    // Metadata only, best effort: the push itself succeeded, and the default rule finds the same name.
    [[maybe_unused]] const Status saved = m_store->catalogFile().update([&](Catalog &catalog) {
        for (SecretRecord record : catalog.records(m_profile)) {
            const auto it = remembered.constFind(record.name.toString());
            if (it != remembered.cend() && record.remoteName.isEmpty()) {
                record.remoteName = *it;
                catalog.upsert(m_profile, record);
            }
        }
        return Status::success();
    });
}

void CloudSync::pull(const PullOptions &options, QObject *context, ReportDone done)
{
    begin();
    auto p = plan();
    if (!p)
        return done(SyncReport{{}, p.error(), options.dryRun, 0});
    QStringList wanted;
    for (const QString &name : options.names)
        wanted.append(p->remoteNameFor(name));
    m_backend->list(true, wanted, context, [=, this](Result<QList<RemoteSecret>> listed) {
        SyncReport report;
        report.dryRun = options.dryRun;
        if (!listed) {
            report.failure = listed.error();
            return finish(std::move(report), done);
        }
        const RemoteMap remote = byName(*listed);
        QStringList selected = wanted.isEmpty() ? QStringList(remote.keys()) : wanted;
        selected.removeDuplicates();
        QList<SecretName> existing;
        QHash<QString, SecretValue> remoteValues;
        for (const QString &remoteName : std::as_const(selected)) {
            SyncItem item;
            item.remoteName = remoteName;
            item.action = SyncAction::Create;
            item.presence = Presence::RemoteOnly;
            const SecretRecord *record = p->names().recordFor(remoteName);
            if (record) {
                item.localName = record->name.toString();
                item.presence = Presence::Both;
            } else if (auto name = p->names().localNameOf(remoteName)) {
                item.localName = name->toString();
            } else {
                item.error = name.error();
            }
            const auto found = remote.constFind(remoteName);
            if (found == remote.cend()) {
                item.presence = Presence::LocalOnly;
                item.error = itemError(Failure::NotFound, QStringLiteral("CLOUD014"),
                                       QStringLiteral("no remote secret named '%1'").arg(remoteName));
            } else if (found->error) {
                item.error = *found->error;
            } else if (!found->value) {
                item.error = itemError(Failure::Remote, QStringLiteral("CLOUD015"),
                                       QStringLiteral("the API returned no value for '%1'").arg(remoteName));
            } else if (!item.error) {
                remoteValues.insert(remoteName, *found->value);
                if (record)
                    existing.append(record->name);
            }
            report.items.append(item);
        }
        setTotal(int(2 * report.items.size())); // a keychain read (or check) and a write each
        applyPull(std::move(report), existing, remoteValues, options, context, done);
    });
}

void CloudSync::applyPull(SyncReport report, QList<SecretName> existing,
                          const QHash<QString, SecretValue> &remoteValues, const PullOptions &options,
                          QObject *context, ReportDone done)
{
    LocalValues::read(
        m_store, m_profile, existing, context,
        [=, this](LocalValues::Read local) mutable {
            advance(int(report.items.size() - existing.size()));
            if (m_cancelled) {
                markUnfinished(report);
                return finish(std::move(report), done);
            }
            QList<LocalValues::Write> writes;
            for (SyncItem &item : report.items) {
                if (item.error)
                    continue;
                const SecretValue &incoming = remoteValues.value(item.remoteName);
                auto name = SecretName::parse(item.localName);
                if (!name) {
                    item.error = name.error();
                    continue;
                }
                LocalValues::Write write{SecretChange{*name, incoming}, std::nullopt};
                if (item.presence == Presence::Both) {
                    const auto current = local.values.constFind(item.localName);
                    if (current == local.values.cend()) {
                        item.error = local.errors.value(item.localName);
                        continue;
                    }
                    item.comparison = sameValue(*current, incoming) ? Comparison::Same : Comparison::Changed;
                    item.action = SyncAction::Update;
                    if (item.comparison == Comparison::Same) {
                        item.action = SyncAction::Unchanged;
                        continue;
                    }
                    if (options.onConflict == ConflictPolicy::Skip) {
                        item.action = SyncAction::Skip;
                        continue;
                    }
                    if (options.onConflict == ConflictPolicy::Fail) {
                        item.error =
                            itemError(Failure::Conflict, QStringLiteral("CLOUD016"),
                                      QStringLiteral("'%1' differs locally and remotely (use --on-conflict "
                                                     "overwrite or skip)")
                                          .arg(item.localName));
                        continue;
                    }
                    write.previous = *current;
                } else if (m_backend->kind() == BackendKind::Prefect2) {
                    write.change.remoteName = item.remoteName;
                }
                writes.append(write);
            }
            if (report.errorCount() > 0) {
                Diagnostic stop = *report.firstError();
                stop.message =
                    QStringLiteral("pull stopped before changing anything: %1 of %2 secrets could not be "
                                   "taken (first: %3)")
                        .arg(report.errorCount())
                        .arg(report.items.size())
                        .arg(stop.message);
                report.failure = stop;
                return finish(std::move(report), done);
            }
            advance(int(report.items.size() - writes.size()));
            if (options.dryRun || writes.isEmpty())
                return finish(std::move(report), done);
            LocalValues::writeAll(
                m_store, m_profile, writes, context,
                [=, this](std::optional<LocalValues::WriteFailure> failed) mutable {
                    if (failed) {
                        for (SyncItem &item : report.items) {
                            if (item.localName == failed->name)
                                item.error = failed->error;
                        }
                        Diagnostic stop = failed->error;
                        stop.message =
                            failed->rolledBack
                                ? QStringLiteral("pull undone: writing '%1' failed (%2); the secrets written "
                                                 "before it were restored")
                                      .arg(failed->name, failed->error.message)
                                : QStringLiteral("pull failed writing '%1' (%2) and could NOT restore every "
                                                 "earlier secret: check with 'cloud diff'")
                                      .arg(failed->name, failed->error.message);
                        report.failure = stop;
                        if (secretdesk::isCancelled(failed->error) && failed->rolledBack)
                            markUnfinished(report); // undone: none of them was pulled
                    }
                    finish(std::move(report), done);
                },
                hooks());
        },
        hooks());
}

void CloudSync::removeRemote(const QStringList &names, bool dryRun, QObject *context, ReportDone done)
{
    begin();
    auto p = plan();
    if (!p)
        return done(SyncReport{{}, p.error(), dryRun, 0});
    QStringList wanted;
    for (const QString &name : names)
        wanted.append(p->remoteNameFor(name));
    wanted.removeDuplicates();
    m_backend->list(false, {}, context, [=, this](Result<QList<RemoteSecret>> listed) {
        SyncReport report;
        report.dryRun = dryRun;
        if (!listed) {
            report.failure = listed.error();
            return finish(std::move(report), done);
        }
        const RemoteMap remote = byName(*listed);
        QStringList present;
        for (const QString &remoteName : wanted) {
            SyncItem item{{}, remoteName, Presence::Both, Comparison::Unknown, SyncAction::Delete, {}};
            if (const SecretRecord *record = p->names().recordFor(remoteName))
                item.localName = record->name.toString();
            else
                item.presence = Presence::RemoteOnly;
            if (!remote.contains(remoteName)) {
                item.presence = Presence::LocalOnly;
                item.error = itemError(Failure::NotFound, QStringLiteral("CLOUD014"),
                                       QStringLiteral("no remote secret named '%1'").arg(remoteName));
            } else {
                present.append(remoteName);
            }
            report.items.append(item);
        }
        setTotal(int(wanted.size()));
        advance(int(wanted.size() - present.size()));
        if (dryRun || present.isEmpty())
            return finish(std::move(report), done);
        m_backend->remove(present, context, [=, this](Result<QMap<QString, Status>> outcome) mutable {
            applyOutcomes(report, QSet<QString>(present.cbegin(), present.cend()), outcome);
            // Listed a moment ago and now missing: gone all the same (often our own earlier attempt
            // whose answer was lost), which is the state asked for.
            for (SyncItem &item : report.items) {
                if (item.error && item.error->failure == Failure::NotFound &&
                    present.contains(item.remoteName))
                    item.error.reset();
            }
            finish(std::move(report), done);
        });
    });
}

} // namespace secretdesk
