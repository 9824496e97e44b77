#pragma once

#include "core/store/SecretStore.h"

#include <QMainWindow>

#include <optional>

class QComboBox;
class QDialog;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace secretdesk {

class AppSettings;
class Clipboard;
class DetailPane;
class EmptyState;
class IdleLock;
class MainActions;
class SecretEditorDialog;
class SecretFilter;
class SecretTableModel;
class StatusProgress;
class ValueReader;

// The profile's secrets in a sortable, searchable table with a detail pane; values are read from
// the keychain only for a reveal, a copy or an edit, and forgotten on lock. Follows catalog changes
// made by other processes (the CLI). The parts live in their own classes: MainActions (commands,
// menus, shortcuts), SecretFilter (search), DetailPane, EmptyState, StatusProgress, Clipboard,
// IdleLock and ValueReader; this class wires them to the store.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(SecretStore *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    SecretTableModel *model() const { return m_model; }
    SecretFilter *filter() const { return m_filter; }
    AppSettings *settings() const { return m_settings; }
    MainActions *actions() const { return m_actions; }
    Clipboard *clipboard() const { return m_clipboard; }
    IdleLock *idleLock() const { return m_idle; }
    ValueReader *valueReader() const { return m_reader; }
    StatusProgress *statusProgress() const { return m_progress; }
    ProfileName profile() const { return m_profile; }
    void setProfile(const ProfileName &profile);
    // Re-reads the catalog; keeps the selection when the secret is still there.
    void reload();
    // Checks the keychain once and shows the banner when it cannot be reached.
    void checkKeychain();
    // Opens the editor for a new secret holding the file's text (a dropped key file), its kind detected.
    void addFromFile(const QString &path);
    // Drops every value and validation result read so far, closes editors, clears our clipboard text
    // and masks everything (Ctrl+L and the idle timeout end here).
    void lock();
    bool isLocked() const;
    // Shows a long job's progress(done, total) in the status bar until the sender is destroyed or
    // reports done == total.
    template<typename Dialog>
    void trackProgress(Dialog *dialog, const QString &what);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions();
    void buildLayout();
    void applySettings();
    QString selectedName() const;
    void selectName(const QString &name);
    void addSecret();
    void newProfile();
    void editSelected();
    void deleteSelected();
    void exportSecrets();
    void importSecrets();
    // sourceKind: an ImportSource::Kind to preselect.
    void openImport(std::optional<int> sourceKind);
    void syncSecrets();
    void openSettings();
    void openShortcuts();
    void focusSearch();
    void setRevealed(bool revealed);
    void copyValue();
    void copyEnvLine();
    void copyName();
    // The selected secret's value, freshly read (and the lock lifted), then `use`.
    void readSelected(const std::function<void(const SecretRecord &, const SecretValue &)> &use);
    void showDialog(QDialog *dialog);
    void openEditor(SecretEditorDialog *dialog);
    void showFailure(const Diagnostic &error);
    void updateActions();
    void updateEmptyState();
    void selectionMoved();
    void beginProgress(const QString &what);
    void onProgress(int done, int total);
    QObject *progressContext() const;

    SecretStore *m_store;
    ProfileName m_profile = ProfileName::defaultProfile();
    AppSettings *m_settings;
    MainActions *m_actions;
    SecretTableModel *m_model;
    SecretFilter *m_filter;
    QTableView *m_table;
    QStackedWidget *m_pages;
    EmptyState *m_empty;
    DetailPane *m_detail;
    QLabel *m_banner;
    QComboBox *m_profiles;
    QLineEdit *m_search;
    StatusProgress *m_progress;
    QLabel *m_lockedLabel;
    QFileSystemWatcher *m_watcher;
    Clipboard *m_clipboard;
    IdleLock *m_idle;
    ValueReader *m_reader;
};

template<typename Dialog>
void MainWindow::trackProgress(Dialog *dialog, const QString &what)
{
    beginProgress(what);
    // The status bar is the context: when the window goes, its dialogs' last signals go nowhere.
    connect(dialog, &Dialog::progress, progressContext(),
            [this](int done, int total) { onProgress(done, total); });
    connect(dialog, &QObject::destroyed, progressContext(), [this] { onProgress(1, 1); });
}

} // namespace secretdesk
