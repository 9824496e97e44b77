#pragma once

#include "core/cloud/SyncPlan.h"
#include "core/store/SecretStore.h"

#include <QDialog>

namespace secretdesk {

// The Sync view of one profile: links the profile to a remote if needed, shows the diff (names and
// states, never a value), and pushes, pulls or removes the checked secrets with progress, cancel and
// a result per secret.
class SyncDialog : public QDialog {
    Q_OBJECT
public:
    SyncDialog(SecretStore *store, const ProfileName &profile, QWidget *parent = nullptr);
    ~SyncDialog() override;

    // Shows a finished run's outcome in the table (also used by the screenshot tool).
    void showReport(const SyncReport &report);

signals:
    void progress(int done, int total);

private:
    SecretStore *m_store;
    ProfileName m_profile;
};

} // namespace secretdesk
