#include "ui/sync/SyncDialog.h"

namespace secretdesk {

SyncDialog::SyncDialog(SecretStore *store, const ProfileName &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("syncDialog"));
    setWindowTitle(tr("Sync"));
    setAccessibleName(tr("Sync"));
    setAccessibleDescription(
        tr("Compare, push and pull this profile's secrets with its linked Prefect workspace"));
}

SyncDialog::~SyncDialog() = default;

void SyncDialog::showReport(const SyncReport &report)
{
    Q_UNUSED(report);
}

} // namespace secretdesk
