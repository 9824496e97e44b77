#pragma once

#include "core/cloud/CloudBackend.h"
#include "core/store/SecretStore.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace secretdesk {

// Links a profile to a remote the way `secretdesk-cli cloud login` does: checks URL and key with one
// cheap call, stores the key in the keychain under CloudLink::apiKeyKey() and the link (backend, URL,
// workspace, no key) in the catalog. The key field is cleared as soon as it has been used.
class SyncLinkForm : public QWidget {
    Q_OBJECT
public:
    SyncLinkForm(SecretStore *store, const ProfileName &profile, QWidget *parent = nullptr);
    ~SyncLinkForm() override;

    // A line above the form, e.g. why the stored key could not be used.
    void showMessage(const QString &message);

signals:
    // The link is saved; `apiKey` is handed over so the caller need not read the keychain again.
    void linked(const CloudLink &link, const QByteArray &apiKey);

private:
    void submit();
    void fail(const QString &message);
    void setBusy(bool busy);

    SecretStore *m_store;
    ProfileName m_profile;
    QComboBox *m_backend;
    QLineEdit *m_url;
    QLineEdit *m_key;
    QPushButton *m_link;
    QLabel *m_message;
    std::unique_ptr<CloudBackend> m_checking;
};

} // namespace secretdesk
