#pragma once

#include "core/cloud/CloudBackend.h"
#include "core/cloud/LocalValues.h"
#include "core/cloud/SyncPlan.h"
#include "core/store/SecretStore.h"

namespace secretdesk {

// Syncs one profile's secrets with its linked remote. Every operation reports per secret; none
// prints or logs a value. Run the same operation again after a failure and it converges: pushes are
// create-or-update, a lost create answer is adopted, a lost delete answer counts as deleted.
// One operation at a time per instance; progress() and cancel() apply to the current one.
class CloudSync : public QObject {
    Q_OBJECT
public:
    using ReportDone = std::function<void(SyncReport)>;

    struct PullOptions {
        QStringList names; // local or remote names; empty = all remote secrets
        bool dryRun = false;
        ConflictPolicy onConflict = ConflictPolicy::Fail;
    };

    CloudSync(SecretStore *store, ProfileName profile, CloudBackend *backend, QObject *parent = nullptr);

    // Names on each side, no values read.
    void status(QObject *context, ReportDone done);
    // Names on each side, and same/changed where both values can be read.
    void diff(QObject *context, ReportDone done);
    // Creates or updates remote secrets from local ones (all, or `names`); unchanged ones are skipped
    // where the remote's values can be read.
    void push(const QStringList &names, bool dryRun, QObject *context, ReportDone done);
    // Writes remote values locally. Nothing changes locally unless every selected secret could be
    // read, mapped and (per policy) accepted; a local write failure undoes the writes before it.
    void pull(const PullOptions &options, QObject *context, ReportDone done);
    // Deletes remote secrets, named by local or remote name.
    void removeRemote(const QStringList &names, bool dryRun, QObject *context, ReportDone done);

    // Stops the running operation: no new request or keychain access starts, requests in flight are
    // aborted, and its report (still delivered once) names every unfinished secret with
    // cancelledError() and has a cancelled `failure`. A cancelled pull changes nothing locally (what
    // it wrote is undone); a cancelled push may have written some secrets, and the next push
    // converges from there.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

signals:
    // Per-secret steps of the running operation: keychain reads and writes, remote writes and
    // deletes. `total` is 0 while the remote is being listed (unknown yet), then fixed.
    void progress(int done, int total);

private:
    void begin();
    void setTotal(int total);
    void advance(int count = 1);
    LocalValues::Hooks hooks();
    // Every item that was going to change something and has no outcome yet is reported cancelled.
    static void markUnfinished(SyncReport &report);

    Result<SyncPlan> plan() const;
    void finish(SyncReport report, const ReportDone &done);
    void rememberRemoteNames(const QList<SyncItem> &pushed) const;
    void applyPull(SyncReport report, QList<SecretName> existing,
                   const QHash<QString, SecretValue> &remoteValues, const PullOptions &options,
                   QObject *context, ReportDone done);

    SecretStore *m_store;
    ProfileName m_profile;
    CloudBackend *m_backend;
    bool m_cancelled = false;
    int m_done = 0;
    int m_total = 0;
};

} // namespace secretdesk
