#pragma once

#include "core/cloud/CloudSync.h"
#include "core/cloud/SyncPlan.h"
#include "core/store/SecretStore.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace secretdesk {

class SyncLinkForm;

// The Sync view of one profile. Unlinked: a form to link it (SyncLinkForm). Linked: the diff table
// (name, remote name, state, result; never a value) with a checkbox per row, Refresh, Push / Pull /
// Remove remote for the checked rows (dry run, conflict policy), a progress bar fed by the sync
// engine, Cancel, and each secret's outcome after a run.
class SyncDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, RemoteColumn, StateColumn, ResultColumn, ColumnCount };

    SyncDialog(SecretStore *store, const ProfileName &profile, QWidget *parent = nullptr);
    ~SyncDialog() override;

    // Shows a finished run's outcome in the table (also used by the screenshot tool).
    void showReport(const SyncReport &report);

    // For tests and the window: whether a run (or the link check, or the key read) is going on.
    bool isBusy() const { return m_busy; }
    QStandardItemModel *model() const { return m_model; }

    static QString stateText(const SyncItem &item);
    static QString resultText(const SyncItem &item, bool dryRun);

signals:
    void progress(int done, int total);
    // A diff, push, pull or removal finished (its report is in the table).
    void runFinished();

private:
    void buildSyncPage();
    void loadLink();
    void openSession(const CloudLink &link, const QByteArray &apiKey);
    void refresh();
    void push();
    void pull();
    void removeRemote();
    void start(const QString &what);
    void finished(const SyncReport &report, bool isDiff);
    void fillTable(const SyncReport &report);
    void setAllChecked(bool checked);
    QList<int> checkedRows() const;
    QStringList checkedNames(bool local) const;
    void updateButtons();
    void setStatus(const QString &text);

    SecretStore *m_store;
    ProfileName m_profile;
    std::optional<CloudLink> m_link;
    std::unique_ptr<CloudBackend> m_backend;
    std::unique_ptr<CloudSync> m_sync;
    bool m_busy = false;
    bool m_pulling = false; // the running or last run is a pull (all or nothing)

    QStackedWidget *m_pages = nullptr;
    SyncLinkForm *m_linkForm = nullptr;
    QLabel *m_linkLabel = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    QPushButton *m_selectAll = nullptr;
    QPushButton *m_selectNone = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_push = nullptr;
    QPushButton *m_pull = nullptr;
    QComboBox *m_conflict = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace secretdesk
