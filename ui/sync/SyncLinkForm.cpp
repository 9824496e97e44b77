#include "ui/sync/SyncLinkForm.h"

#include "core/model/SecureBytes.h"
#include "core/store/KeychainVault.h"
#include "ui/AccessibleText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace secretdesk {

SyncLinkForm::SyncLinkForm(SecretStore *store, const ProfileName &profile, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_profile(profile)
    , m_backend(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_link(new QPushButton(tr("&Link"), this))
    , m_message(new QLabel(this))
{
    described(this, "syncLinkForm", tr("Link to Prefect"),
              tr("This profile is not linked to a Prefect workspace yet"));
    auto *intro =
        new QLabel(tr("Profile '%1' is not linked to a remote. The API key is kept in the keychain only.")
                       .arg(profile.toString()),
                   this);
    intro->setWordWrap(true);
    described(intro, "syncLinkIntro", tr("Link explanation"), intro->text());

    m_backend->addItem(tr("Prefect 2/3 (Secret blocks)"), QStringLiteral("prefect2"));
    m_backend->addItem(tr("Prefect 1 Cloud (GraphQL)"), QStringLiteral("prefect1"));
    described(m_backend, "syncBackend", tr("Backend"), tr("Which Prefect API the profile syncs with"));
    m_url->setPlaceholderText(QStringLiteral("https://api.prefect.cloud/api/accounts/…/workspaces/…"));
    described(m_url, "syncApiUrl", tr("API URL"),
              tr("Prefect 2/3: PREFECT_API_URL; Prefect 1: the GraphQL endpoint. HTTPS except for this "
                 "computer"));
    m_key->setEchoMode(QLineEdit::Password);
    described(m_key, "syncApiKey", tr("API key"), tr("Stored in the keychain, never shown or logged"));
    described(m_link, "syncLinkButton", tr("Link"),
              tr("Check the URL and key with the server and save the link"));
    m_message->setWordWrap(true);
    described(m_message, "syncLinkMessage", tr("Link status"), tr("Why linking failed, if it did"));

    auto *form = new QFormLayout;
    auto caption = [this, form](const char *objectName, const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        described(label, objectName, field->accessibleName(), field->accessibleDescription());
        form->addRow(label, field);
    };
    caption("syncBackendLabel", tr("&Backend:"), m_backend);
    caption("syncApiUrlLabel", tr("API &URL:"), m_url);
    caption("syncApiKeyLabel", tr("API &key:"), m_key);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_link, 0, Qt::AlignRight);
    layout->addWidget(m_message);
    layout->addStretch();
    setTabOrder(m_backend, m_url);
    setTabOrder(m_url, m_key);
    setTabOrder(m_key, m_link);
    connect(m_link, &QPushButton::clicked, this, &SyncLinkForm::submit);
    connect(m_key, &QLineEdit::returnPressed, this, &SyncLinkForm::submit);
}

SyncLinkForm::~SyncLinkForm()
{
    m_key->clear();
}

void SyncLinkForm::fail(const QString &message)
{
    showMessage(message);
    setBusy(false);
}

void SyncLinkForm::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleDescription(message.isEmpty() ? tr("Why linking failed, if it did") : message);
}

void SyncLinkForm::setBusy(bool busy)
{
    m_backend->setEnabled(!busy);
    m_url->setEnabled(!busy);
    m_key->setEnabled(!busy);
    m_link->setEnabled(!busy);
}

void SyncLinkForm::submit()
{
    auto kind = backendFromName(m_backend->currentData().toString());
    auto link = kind ? CloudLink::make(*kind, m_url->text().trimmed()) : Result<CloudLink>(kind.error());
    if (!link)
        return fail(link.error().message);
    // One buffer, shared by the callbacks below and wiped once whatever happens.
    auto key =
        std::shared_ptr<QByteArray>(new QByteArray(m_key->text().trimmed().toUtf8()), [](QByteArray *bytes) {
            wipeBytes(*bytes);
            delete bytes;
        });
    m_key->clear();
    if (key->isEmpty())
        return fail(tr("Enter the API key."));
    setBusy(true);
    showMessage(tr("Checking the key with the server…"));
    m_checking = CloudBackend::create(*link, *key, RetryPolicy::fromEnvironment());
    m_checking->verify(this, [this, link = *link, key](Status verified) {
        m_checking.release()->deleteLater(); // we are inside one of its callbacks
        if (!verified)
            return fail(verified.error().message);
        m_store->vault()->write(
            CloudLink::apiKeyKey(m_profile), *key, this, [this, link, key](Status stored) {
                if (!stored)
                    return fail(stored.error().message);
                if (const Status saved = link.save(m_store->catalogFile(), m_profile); !saved)
                    return fail(saved.error().message);
                showMessage(QString());
                setBusy(false);
                emit linked(link, *key);
            });
    });
}

} // namespace secretdesk
