#include "core/cloud/SyncPlan.h"

#include <QSet>

#include <algorithm>

namespace secretdesk {

QString presenceName(Presence presence)
{
    switch (presence) {
    case Presence::LocalOnly:
        return QStringLiteral("local-only");
    case Presence::RemoteOnly:
        return QStringLiteral("remote-only");
    case Presence::Both:
        break;
    }
    return QStringLiteral("both");
}

QString comparisonName(Comparison comparison)
{
    switch (comparison) {
    case Comparison::Same:
        return QStringLiteral("same");
    case Comparison::Changed:
        return QStringLiteral("changed");
    case Comparison::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString actionName(SyncAction action)
{
    switch (action) {
    case SyncAction::Create:
        return QStringLiteral("create");
    case SyncAction::Update:
        return QStringLiteral("update");
    case SyncAction::Unchanged:
        return QStringLiteral("unchanged");
    case SyncAction::Skip:
        return QStringLiteral("skip");
    case SyncAction::Delete:
        return QStringLiteral("delete");
    case SyncAction::None:
        break;
    }
    return QStringLiteral("none");
}

Result<ConflictPolicy> conflictPolicyFromName(const QString &name)
{
    if (name == QLatin1String("skip"))
        return ConflictPolicy::Skip;
    if (name == QLatin1String("overwrite"))
        return ConflictPolicy::Overwrite;
    if (name == QLatin1String("fail"))
        return ConflictPolicy::Fail;
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("CLOUD003"),
        QStringLiteral("unknown conflict policy '%1': use skip, overwrite or fail").arg(name));
}

bool SyncReport::ok() const
{
    return !failure && errorCount() == 0;
}

int SyncReport::count(SyncAction action) const
{
    return static_cast<int>(std::count_if(items.cbegin(), items.cend(), [action](const SyncItem &i) {
        return !i.error && i.action == action;
    }));
}

int SyncReport::errorCount() const
{
    return static_cast<int>(
        std::count_if(items.cbegin(), items.cend(), [](const SyncItem &i) { return i.error.has_value(); }));
}

std::optional<Diagnostic> SyncReport::firstError() const
{
    if (failure)
        return failure;
    for (const SyncItem &item : items) {
        if (item.error)
            return item.error;
    }
    return std::nullopt;
}

SyncPlan::SyncPlan(BackendKind backend, QList<SecretRecord> records)
    : m_backend(backend)
    , m_records(std::move(records))
    , m_names(backend, m_records)
{}

QString SyncPlan::remoteNameFor(const QString &argument) const
{
    for (const SecretRecord &record : m_records) {
        if (record.name.toString() == argument)
            return m_names.remoteNameOf(record);
    }
    if (m_names.recordFor(argument) || RemoteNames::isValidRemoteName(m_backend, argument))
        return argument;
    if (auto name = SecretName::parse(argument))
        return RemoteNames::defaultRemoteName(m_backend, *name);
    return argument;
}

QList<SecretRecord> SyncPlan::select(const QStringList &arguments, QList<SyncItem> &errors) const
{
    if (arguments.isEmpty())
        return m_records;
    QList<SecretRecord> selected;
    for (const QString &argument : arguments) {
        const auto found = std::find_if(m_records.cbegin(), m_records.cend(),
                                        [&](const SecretRecord &r) { return r.name.toString() == argument; });
        if (found != m_records.cend()) {
            selected.append(*found);
            continue;
        }
        SyncItem item;
        item.localName = argument;
        item.presence = Presence::RemoteOnly;
        item.error = Diagnostic::error(Failure::NotFound, QStringLiteral("CLOUD011"),
                                       QStringLiteral("no local secret named '%1'").arg(argument));
        errors.append(item);
    }
    return selected;
}

QList<SyncItem> SyncPlan::compare(const QList<RemoteSecret> &remote,
                                  const QHash<QString, SecretValue> &local) const
{
    QList<SyncItem> items;
    QSet<QString> remoteNames;
    for (const RemoteSecret &secret : remote) {
        remoteNames.insert(secret.name);
        SyncItem item;
        item.remoteName = secret.name;
        const SecretRecord *record = m_names.recordFor(secret.name);
        if (record) {
            item.localName = record->name.toString();
            item.presence = Presence::Both;
            const auto value = local.constFind(item.localName);
            if (secret.value && value != local.cend())
                item.comparison = sameValue(*secret.value, *value) ? Comparison::Same : Comparison::Changed;
        } else {
            item.presence = Presence::RemoteOnly;
            if (auto name = m_names.localNameOf(secret.name))
                item.localName = name->toString();
            else
                item.error = name.error();
        }
        items.append(item);
    }
    for (const SecretRecord &record : m_records) {
        const QString remoteName = m_names.remoteNameOf(record);
        if (remoteNames.contains(remoteName))
            continue;
        SyncItem item;
        item.localName = record.name.toString();
        item.remoteName = remoteName;
        item.presence = Presence::LocalOnly;
        items.append(item);
    }
    std::sort(items.begin(), items.end(), [](const SyncItem &a, const SyncItem &b) {
        return a.remoteName < b.remoteName || (a.remoteName == b.remoteName && a.localName < b.localName);
    });
    return items;
}

} // namespace secretdesk
