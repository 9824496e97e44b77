#pragma once

#include "core/store/SecretStore.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace secretdesk {

class Clipboard;
class SecretEditorDialog;
class SecretTableModel;

// The profile's secrets in a table, with add, edit, delete and a masked value that is read from
// the keychain only when revealed. Follows catalog changes made by other processes (the CLI).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(SecretStore *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    SecretTableModel *model() const { return m_model; }
    ProfileName profile() const { return m_profile; }
    void setProfile(const ProfileName &profile);
    // Re-reads the catalog; keeps the selection when the secret is still there.
    void reload();
    // Checks the keychain once and shows the banner when it cannot be reached.
    void checkKeychain();
    // Opens the editor for a new secret holding the file's text (a dropped key file), its kind detected.
    void addFromFile(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    QString selectedName() const;
    void addSecret();
    void editSelected();
    void deleteSelected();
    void exportSecrets();
    void setRevealed(bool revealed);
    void openEditor(SecretEditorDialog *dialog);
    void showFailure(const Diagnostic &error);
    void updateActions();
    void selectionMoved();

    SecretStore *m_store;
    ProfileName m_profile = ProfileName::defaultProfile();
    SecretTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_banner;
    QComboBox *m_profiles;
    QLineEdit *m_search;
    QLabel *m_detailName;
    QLineEdit *m_detailValue;
    QToolButton *m_revealButton;
    QFileSystemWatcher *m_watcher;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_revealAction = nullptr;
    Clipboard *m_clipboard;
};

} // namespace secretdesk
