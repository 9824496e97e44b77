#include "ui/import/ImportDialog.h"

namespace secretdesk {

ImportDialog::ImportDialog(SecretStore *store, const ProfileName &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import secrets"));
    setAccessibleName(tr("Import secrets"));
    setAccessibleDescription(
        tr("Import Prefect secrets from the environment, an env file or config.toml into this profile"));
}

ImportDialog::~ImportDialog() = default;

} // namespace secretdesk
