#pragma once

#include "core/model/SecretName.h"
#include "core/store/SecretStore.h"

#include <QDialog>

namespace secretdesk {

// The Import view of one profile: reads Prefect secrets from the environment, an env file or
// config.toml, previews what would change (names, states and kinds, never a value) and imports them
// all or nothing with a conflict policy and progress.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(SecretStore *store, const ProfileName &profile, QWidget *parent = nullptr);
    ~ImportDialog() override;

signals:
    void progress(int done, int total);
    void imported(int count);

private:
    SecretStore *m_store;
    ProfileName m_profile;
};

} // namespace secretdesk
