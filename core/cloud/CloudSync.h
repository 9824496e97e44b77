#pragma once

#include "core/cloud/CloudBackend.h"
#include "core/cloud/SyncPlan.h"
#include "core/store/SecretStore.h"

namespace secretdesk {

// Syncs one profile's secrets with its linked remote. Every operation reports per secret; none
// prints or logs a value. Run the same operation again after a failure and it converges: pushes are
// create-or-update, a lost create answer is adopted, a lost delete answer counts as deleted.
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

private:
    Result<SyncPlan> plan() const;
    void finish(SyncReport report, const ReportDone &done) const;
    void rememberRemoteNames(const QList<SyncItem> &pushed) const;
    void applyPull(SyncReport report, QList<SecretName> existing,
                   const QHash<QString, SecretValue> &remoteValues, const PullOptions &options,
                   QObject *context, ReportDone done);

    SecretStore *m_store;
    ProfileName m_profile;
    CloudBackend *m_backend;
};

} // namespace secretdesk
