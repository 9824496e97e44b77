#pragma once

#include "core/cloud/CloudBackend.h"
#include "core/cloud/RemoteNames.h"

#include <QHash>

namespace secretdesk {

enum class Presence { LocalOnly, RemoteOnly, Both };
enum class Comparison { Unknown, Same, Changed };
enum class SyncAction { None, Create, Update, Unchanged, Skip, Delete };
enum class ConflictPolicy { Skip, Overwrite, Fail };

QString presenceName(Presence presence);       // "local-only", "remote-only", "both"
QString comparisonName(Comparison comparison); // "unknown", "same", "changed"
QString actionName(SyncAction action);         // "create", "update", "unchanged", "skip", "delete", "none"
Result<ConflictPolicy> conflictPolicyFromName(const QString &name);

// One secret's line in a sync report. Never holds a value.
struct SyncItem {
    QString localName; // empty when the remote name maps to no valid local name
    QString remoteName;
    Presence presence = Presence::Both;
    Comparison comparison = Comparison::Unknown;
    SyncAction action = SyncAction::None;
    std::optional<Diagnostic> error;
};

struct SyncReport {
    QList<SyncItem> items;             // sorted by remote name
    std::optional<Diagnostic> failure; // what stopped the whole run, if anything
    bool dryRun = false;
    int requests = 0;

    bool ok() const;
    int count(SyncAction action) const;
    int errorCount() const;
    // The failure that decides the exit code: the run's, else the first item's.
    std::optional<Diagnostic> firstError() const;
};

// The pure part of a sync: which secrets are where and how they compare.
class SyncPlan {
public:
    SyncPlan(BackendKind backend, QList<SecretRecord> records);

    const RemoteNames &names() const { return m_names; }
    const QList<SecretRecord> &records() const { return m_records; }

    // A user's NAME argument, a local or a remote name, as the remote name it means.
    QString remoteNameFor(const QString &argument) const;
    // Local secrets to push: all, or those named (unknown names become NotFound items in `errors`).
    QList<SecretRecord> select(const QStringList &arguments, QList<SyncItem> &errors) const;

    // Every name on either side, compared where both values are known.
    QList<SyncItem> compare(const QList<RemoteSecret> &remote,
                            const QHash<QString, SecretValue> &local) const;

private:
    BackendKind m_backend;
    QList<SecretRecord> m_records;
    RemoteNames m_names;
};

} // namespace secretdesk
