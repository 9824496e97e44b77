#include "ui/sync/SyncDialog.h"

#include "core/cloud/Cancellation.h"
#include "core/model/SecureBytes.h"
#include "core/store/KeychainVault.h"
#include "ui/AccessibleText.h"
#include "ui/Confirmation.h"
#include "ui/sync/SyncLinkForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace secretdesk {

namespace {
enum Role { LocalNameRole = Qt::UserRole + 1, RemoteNameRole, PresenceRole };

QStandardItem *cell(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setToolTip(text);
    return item;
}
} // namespace

SyncDialog::SyncDialog(SecretStore *store, const ProfileName &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profile(profile)
{
    described(this, "syncDialog", tr("Sync"),
              tr("Compare, push and pull this profile's secrets with its linked Prefect workspace"));
    setWindowTitle(tr("Sync profile '%1'").arg(profile.toString()));
    m_pages = described(new QStackedWidget(this), "syncPages", tr("Sync"), tr("Link form or sync table"));
    m_linkForm = new SyncLinkForm(store, profile, m_pages);
    m_pages->addWidget(m_linkForm);
    buildSyncPage();
    m_close =
        described(new QPushButton(tr("Close"), this), "syncClose", tr("Close"), tr("Close the Sync view"));
    auto *buttons =
        described(new QDialogButtonBox(this), "syncButtons", tr("Dialog buttons"), tr("Close the Sync view"));
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    resize(760, 480);
    connect(m_linkForm, &SyncLinkForm::linked, this, &SyncDialog::openSession);
    loadLink();
}

SyncDialog::~SyncDialog()
{
    if (m_sync) {
        disconnect(m_sync.get(), nullptr, this, nullptr);
        m_busy = false;
        m_sync->cancel(); // its report arrives now, into finished(), which ignores it
        m_sync.reset();
    }
}

void SyncDialog::buildSyncPage()
{
    auto *page = described(new QWidget(m_pages), "syncPage", tr("Sync table"),
                           tr("Secrets of this profile and of the linked remote"));
    m_linkLabel = described(new QLabel(page), "syncLinkLabel", tr("Linked remote"),
                            tr("The backend and API URL this profile syncs with"));
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setObjectName(QStringLiteral("syncModel"));
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Remote name"), tr("State"), tr("Result")});
    m_table = described(new QTableView(page), "syncTable", tr("Secrets to sync"),
                        tr("One row per secret: names, state and last result, never a value. Space "
                           "checks a row"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);

    m_selectAll = described(new QPushButton(tr("Select &all"), page), "syncSelectAll", tr("Select all"),
                            tr("Check every row"));
    m_selectNone = described(new QPushButton(tr("Select &none"), page), "syncSelectNone", tr("Select none"),
                             tr("Uncheck every row"));
    m_refresh = described(new QPushButton(tr("&Refresh"), page), "syncRefresh", tr("Refresh"),
                          tr("Compare local and remote secrets again"));
    m_push = described(new QPushButton(tr("&Push selected"), page), "syncPush", tr("Push selected"),
                       tr("Create or update the checked secrets on the remote"));
    m_pull = described(new QPushButton(tr("P&ull selected"), page), "syncPull", tr("Pull selected"),
                       tr("Copy the checked remote secrets into this profile; all or nothing"));
    m_conflict = described(new QComboBox(page), "syncConflictPolicy", tr("On conflict"),
                           tr("What a pull does with a secret that differs locally and remotely"));
    m_conflict->addItem(tr("Fail on conflict"), int(ConflictPolicy::Fail));
    m_conflict->addItem(tr("Skip conflicts"), int(ConflictPolicy::Skip));
    m_conflict->addItem(tr("Overwrite local"), int(ConflictPolicy::Overwrite));
    m_remove = described(new QPushButton(tr("Re&move remote"), page), "syncRemoveRemote", tr("Remove remote"),
                         tr("Delete the checked secrets from the remote; local copies stay"));
    m_dryRun = described(new QCheckBox(tr("&Dry run"), page), "syncDryRun", tr("Dry run"),
                         tr("Show what push, pull or remove would do without changing anything"));
    m_progress = described(new QProgressBar(page), "syncProgress", tr("Progress"),
                           tr("Secrets done of the running operation"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_cancel = described(new QPushButton(tr("&Cancel"), page), "syncCancel", tr("Cancel"),
                         tr("Stop the running operation; a cancelled pull changes nothing"));
    m_status = described(new QLabel(page), "syncStatus", tr("Status"), tr("Outcome of the last operation"));
    m_status->setWordWrap(true);

    auto *selection = new QHBoxLayout;
    selection->addWidget(m_selectAll);
    selection->addWidget(m_selectNone);
    selection->addStretch();
    selection->addWidget(m_refresh);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_push);
    actions->addWidget(m_pull);
    actions->addWidget(m_conflict);
    actions->addWidget(m_remove);
    actions->addWidget(m_dryRun);
    auto *running = new QHBoxLayout;
    running->addWidget(m_progress, 1);
    running->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_linkLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(selection);
    layout->addLayout(actions);
    layout->addLayout(running);
    layout->addWidget(m_status);
    m_pages->addWidget(page);

    QWidget *order[] = {m_table, m_selectAll, m_selectNone, m_refresh, m_push,
                        m_pull,  m_conflict,  m_remove,     m_dryRun,  m_cancel};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(m_selectAll, &QPushButton::clicked, this, [this] { setAllChecked(true); });
    connect(m_selectNone, &QPushButton::clicked, this, [this] { setAllChecked(false); });
    connect(m_refresh, &QPushButton::clicked, this, &SyncDialog::refresh);
    connect(m_push, &QPushButton::clicked, this, &SyncDialog::push);
    connect(m_pull, &QPushButton::clicked, this, &SyncDialog::pull);
    connect(m_remove, &QPushButton::clicked, this, &SyncDialog::removeRemote);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_sync && m_busy) {
            setStatus(tr("Cancelling…"));
            m_sync->cancel();
        }
    });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this] { updateButtons(); });
    updateButtons();
}

void SyncDialog::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(text.isEmpty() ? tr("Outcome of the last operation") : text);
}

void SyncDialog::loadLink()
{
    auto link = CloudLink::load(m_store->catalogFile(), m_profile);
    if (!link) {
        m_pages->setCurrentIndex(1);
        setStatus(link.error().message);
        return updateButtons();
    }
    if (!link->has_value()) {
        m_pages->setCurrentWidget(m_linkForm);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_busy = true;
    updateButtons();
    setStatus(tr("Reading the API key from the keychain…"));
    const CloudLink found = **link;
    m_store->vault()->read(CloudLink::apiKeyKey(m_profile), this, [this, found](Result<QByteArray> key) {
        m_busy = false;
        if (!key) {
            m_pages->setCurrentWidget(m_linkForm);
            m_linkForm->showMessage(tr("No usable API key in the keychain (%1): link the profile again.")
                                        .arg(key.error().message));
            return;
        }
        openSession(found, *key);
        wipeBytes(key.value());
    });
}

void SyncDialog::openSession(const CloudLink &link, const QByteArray &apiKey)
{
    m_link = link;
    m_sync.reset();
    m_backend = CloudBackend::create(link, apiKey, RetryPolicy::fromEnvironment());
    m_sync = std::make_unique<CloudSync>(m_store, m_profile, m_backend.get());
    connect(m_sync.get(), &CloudSync::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        emit progress(done, total);
    });
    QString where = tr("Linked to %1 at %2").arg(backendName(link.backend), link.apiUrl.toString());
    if (!link.workspace.isEmpty())
        where += QStringLiteral(" (%1)").arg(link.workspace);
    m_linkLabel->setText(where);
    m_linkLabel->setAccessibleDescription(where);
    m_pages->setCurrentIndex(1);
    refresh();
}

void SyncDialog::start(const QString &what)
{
    m_busy = true;
    m_pulling = false;
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_model->setItem(row, ResultColumn, cell(QString()));
    m_progress->setRange(0, 0); // busy until the engine knows the total
    setStatus(what);
    updateButtons();
}

void SyncDialog::refresh()
{
    if (!m_sync || m_busy)
        return;
    start(tr("Comparing…"));
    m_sync->diff(this, [this](SyncReport report) { finished(report, true); });
}

void SyncDialog::push()
{
    const QStringList names = checkedNames(true);
    if (!m_sync || m_busy || names.isEmpty())
        return setStatus(tr("Check at least one secret that exists locally to push."));
    start(tr("Pushing %n secret(s)…", nullptr, int(names.size())));
    m_sync->push(names, m_dryRun->isChecked(), this, [this](SyncReport report) { finished(report, false); });
}

void SyncDialog::pull()
{
    CloudSync::PullOptions options;
    options.names = checkedNames(false);
    options.dryRun = m_dryRun->isChecked();
    options.onConflict = ConflictPolicy(m_conflict->currentData().toInt());
    if (!m_sync || m_busy || options.names.isEmpty())
        return setStatus(tr("Check at least one secret that exists remotely to pull."));
    start(tr("Pulling %n secret(s)…", nullptr, int(options.names.size())));
    m_pulling = true;
    m_sync->pull(options, this, [this](SyncReport report) { finished(report, false); });
}

void SyncDialog::removeRemote()
{
    const QStringList names = checkedNames(false);
    if (!m_sync || m_busy || names.isEmpty())
        return setStatus(tr("Check at least one secret that exists remotely to remove."));
    const bool dryRun = m_dryRun->isChecked();
    if (!dryRun && !Confirmation::ask(this, tr("Remove remote secrets"),
                                      tr("Delete %n secret(s) from the remote? Local copies stay.", nullptr,
                                         int(names.size()))))
        return;
    start(tr("Removing %n remote secret(s)…", nullptr, int(names.size())));
    m_sync->removeRemote(names, dryRun, this, [this](SyncReport report) { finished(report, false); });
}

void SyncDialog::finished(const SyncReport &report, bool isDiff)
{
    if (!m_busy)
        return; // the dialog is closing
    m_busy = false;
    if (isDiff)
        fillTable(report);
    showReport(report);
    updateButtons();
    emit runFinished();
}

void SyncDialog::fillTable(const SyncReport &report)
{
    m_model->removeRows(0, m_model->rowCount());
    m_table->setSortingEnabled(false);
    for (const SyncItem &item : report.items) {
        auto *name = cell(item.localName.isEmpty() ? tr("(no valid local name)") : item.localName);
        name->setCheckable(true);
        name->setCheckState(Qt::Unchecked);
        name->setData(item.localName, LocalNameRole);
        name->setData(item.remoteName, RemoteNameRole);
        name->setData(int(item.presence), PresenceRole);
        m_model->appendRow({name, cell(item.remoteName), cell(stateText(item)), cell(QString())});
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
}

void SyncDialog::showReport(const SyncReport &report)
{
    m_pages->setCurrentIndex(1); // a report belongs to the table, linked or not (screenshots, tests)
    int ok = 0;
    int failed = 0;
    for (const SyncItem &item : report.items) {
        int row = 0;
        while (row < m_model->rowCount() &&
               m_model->item(row, NameColumn)->data(RemoteNameRole).toString() != item.remoteName)
            ++row;
        if (row == m_model->rowCount()) {
            auto *name = cell(item.localName.isEmpty() ? tr("(no valid local name)") : item.localName);
            name->setCheckable(true);
            name->setData(item.localName, LocalNameRole);
            name->setData(item.remoteName, RemoteNameRole);
            name->setData(int(item.presence), PresenceRole);
            m_model->appendRow({name, cell(item.remoteName), cell(stateText(item)), cell(QString())});
        }
        QString result = resultText(item, report.dryRun);
        // A pull that stopped wrote nothing, not even the secrets that had no problem of their own.
        if (m_pulling && report.failure && !isCancelled(*report.failure) && !report.dryRun && !item.error &&
            (item.action == SyncAction::Create || item.action == SyncAction::Update))
            result = tr("not changed: the pull stopped");
        item.error ? ++failed : ++ok;
        m_model->setItem(row, ResultColumn, cell(result));
    }
    if (report.failure && isCancelled(*report.failure))
        setStatus(tr("Cancelled: %1 secret(s) finished, %2 not.").arg(ok).arg(failed));
    else if (report.failure)
        setStatus(report.failure->message);
    else
        setStatus(tr("%1 secret(s) ok, %2 failed%3.")
                      .arg(ok)
                      .arg(failed)
                      .arg(report.dryRun ? tr(" (dry run: nothing changed)") : QString()));
}

QString SyncDialog::stateText(const SyncItem &item)
{
    switch (item.presence) {
    case Presence::LocalOnly:
        return tr("local only");
    case Presence::RemoteOnly:
        return tr("remote only");
    case Presence::Both:
        break;
    }
    switch (item.comparison) {
    case Comparison::Same:
        return tr("same");
    case Comparison::Changed:
        return tr("changed");
    case Comparison::Unknown:
        break;
    }
    return tr("unknown");
}

QString SyncDialog::resultText(const SyncItem &item, bool dryRun)
{
    if (item.error)
        return isCancelled(*item.error) ? tr("cancelled") : tr("failed: %1").arg(item.error->message);
    switch (item.action) {
    case SyncAction::Skip:
        return tr("skipped");
    case SyncAction::Unchanged:
        return tr("ok (unchanged)");
    case SyncAction::Create:
        return dryRun ? tr("ok (would create)") : tr("ok (created)");
    case SyncAction::Update:
        return dryRun ? tr("ok (would update)") : tr("ok (updated)");
    case SyncAction::Delete:
        return dryRun ? tr("ok (would delete)") : tr("ok (deleted)");
    case SyncAction::None:
        break;
    }
    return tr("ok");
}

void SyncDialog::setAllChecked(bool checked)
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_model->item(row, NameColumn)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QList<int> SyncDialog::checkedRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, NameColumn)->checkState() == Qt::Checked)
            rows.append(row);
    }
    return rows;
}

QStringList SyncDialog::checkedNames(bool local) const
{
    QStringList names;
    for (int row : checkedRows()) {
        const QStandardItem *item = m_model->item(row, NameColumn);
        const auto presence = Presence(item->data(PresenceRole).toInt());
        if (local && presence != Presence::RemoteOnly && !item->data(LocalNameRole).toString().isEmpty())
            names.append(item->data(LocalNameRole).toString());
        else if (!local && presence != Presence::LocalOnly)
            names.append(item->data(RemoteNameRole).toString());
    }
    return names;
}

void SyncDialog::updateButtons()
{
    const bool ready = m_sync && !m_busy;
    const bool anyChecked = !checkedRows().isEmpty();
    for (QWidget *widget : {static_cast<QWidget *>(m_selectAll), static_cast<QWidget *>(m_selectNone),
                            static_cast<QWidget *>(m_refresh), static_cast<QWidget *>(m_conflict),
                            static_cast<QWidget *>(m_dryRun)})
        widget->setEnabled(ready);
    m_push->setEnabled(ready && anyChecked);
    m_pull->setEnabled(ready && anyChecked);
    m_remove->setEnabled(ready && anyChecked);
    m_cancel->setEnabled(m_sync && m_busy);
}

} // namespace secretdesk
