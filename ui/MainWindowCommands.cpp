// MainWindow, second part: the layout and the commands that open a dialog (editor, export, sync,
// settings, shortcuts). Kept apart from MainWindow.cpp so that each reads in one sitting.
#include "core/platform/PrivateFile.h"
#include "core/validators/ValidatorRegistry.h"
#include "ui/AccessibleText.h"
#include "ui/AppSettings.h"
#include "ui/Clipboard.h"
#include "ui/ClipboardCountdown.h"
#include "ui/Confirmation.h"
#include "ui/DetailPane.h"
#include "ui/EmptyState.h"
#include "ui/ExportDialog.h"
#include "ui/MainActions.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretFilter.h"
#include "ui/SecretTableModel.h"
#include "ui/StatusProgress.h"
#include "ui/ValueReader.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/ShortcutsDialog.h"
#include "ui/import/ImportDialog.h"
#include "ui/sync/SyncDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace secretdesk {

void MainWindow::buildLayout()
{
    m_actions->fillMenuBar(menuBar());
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    menuBar()->setAccessibleName(tr("Menu bar"));
    menuBar()->setAccessibleDescription(tr("File, Edit, View and Help menus"));
    QToolBar *bar = addToolBar(tr("Secrets"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Tool bar"));
    bar->setAccessibleDescription(tr("Profile and the most used commands"));
    bar->setMovable(false);
    m_profiles->setObjectName(QStringLiteral("profileCombo"));
    m_profiles->setAccessibleName(tr("Profile"));
    m_profiles->setAccessibleDescription(tr("Profiles keep sets of secrets apart, e.g. dev and prod"));
    m_profiles->setToolTip(tr("Profiles keep sets of secrets apart, e.g. dev and prod"));
    auto *profileLabel = new QLabel(tr("&Profile: "), this);
    profileLabel->setObjectName(QStringLiteral("profileLabel"));
    profileLabel->setAccessibleName(tr("Profile"));
    profileLabel->setAccessibleDescription(tr("Label of the profile list"));
    profileLabel->setBuddy(m_profiles);
    bar->addWidget(profileLabel);
    bar->addWidget(m_profiles);
    bar->addAction(m_actions->newProfile);
    bar->addSeparator();
    m_actions->fillToolBar(bar);

    m_banner->setObjectName(QStringLiteral("keychainBanner"));
    m_banner->setAccessibleName(tr("Keychain problem"));
    m_banner->setAccessibleDescription(tr("Why values cannot be read or saved right now"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #b3261e; color: white; padding: 6px;"));
    m_banner->hide();
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(
        tr("Search names, kinds, notes (kind:gcp target:plain invalid note:… -word)"));
    m_search->setAccessibleName(tr("Search secrets"));
    m_search->setAccessibleDescription(
        tr("Filters as you type. Words match name, kind and note; kind:, name:, note:, "
           "target:plain|context|both, "
           "invalid, is:valid|warnings|errors|unchecked; a leading - negates"));
    m_search->setClearButtonEnabled(true);
    describeClearButton(m_search, tr("Empties the search field and shows every secret again"));

    m_table->setObjectName(QStringLiteral("secretTable"));
    m_table->setAccessibleName(tr("Secrets"));
    m_table->setAccessibleDescription(
        tr("Name, kind, validation state, targets and last update of each secret"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SecretTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setColumnWidth(SecretTableModel::NameColumn, 240);

    m_detail = new DetailPane(m_actions->reveal, this);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("tableDetailSplitter"));
    splitter->setAccessibleName(tr("Secrets and details"));
    splitter->setAccessibleDescription(tr("The table on the left, the selected secret on the right"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_empty = new EmptyState(this);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setAccessibleName(tr("Secrets"));
    m_pages->setAccessibleDescription(tr("The table, or how to start while the profile is empty"));
    m_pages->addWidget(splitter);
    m_pages->addWidget(m_empty);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    central->setAccessibleName(tr("Secrets"));
    central->setAccessibleDescription(tr("Search, table and details"));
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_search);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->setAccessibleName(tr("Status"));
    statusBar()->setAccessibleDescription(
        tr("Messages, progress, the clipboard countdown and the lock state"));
    m_progress = new StatusProgress(this);
    m_lockedLabel = new QLabel(tr("Locked"), this);
    m_lockedLabel->setObjectName(QStringLiteral("lockedLabel"));
    m_lockedLabel->setAccessibleName(tr("Locked"));
    m_lockedLabel->setAccessibleDescription(tr("Values were forgotten; the next reveal reads the keychain"));
    m_lockedLabel->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(new ClipboardCountdown(m_clipboard, this));
    statusBar()->addPermanentWidget(m_lockedLabel);
    statusBar()->showMessage(tr("Values stay in the OS keychain; only names are listed."));

    // Keyboard order: profile, search, table, value, reveal; the empty state's buttons after search.
    setTabOrder(m_profiles, m_search);
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_detail->valueEdit());
    setTabOrder(m_detail->valueEdit(), m_detail->revealButton());
    setTabOrder(m_detail->revealButton(), m_empty->addButton());
    setTabOrder(m_empty->addButton(), m_empty->importEnvironmentButton());
    setTabOrder(m_empty->importEnvironmentButton(), m_empty->importConfigButton());
    resize(960, 560);
}

void MainWindow::newProfile()
{
    const QString text = QInputDialog::getText(this, tr("New profile"), tr("Profile name:"));
    if (text.isEmpty())
        return;
    auto name = ProfileName::parse(text);
    if (!name) {
        showFailure(name.error());
        return;
    }
    setProfile(*name);
}

void MainWindow::showDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Ctrl+L locks from the dialog too: a window-modal dialog shadows the window's own shortcuts.
    dialog->addAction(m_actions->lock);
    dialog->open();
}

void MainWindow::openEditor(SecretEditorDialog *dialog)
{
    connect(dialog, &SecretEditorDialog::saveRequested, this, [this, dialog](const SecretChange &change) {
        m_store->save(m_profile, change, dialog, [this, dialog](Result<SecretRecord> saved) {
            if (!saved) {
                dialog->showError(saved.error().toString());
                showFailure(saved.error());
                return;
            }
            statusBar()->showMessage(tr("Saved %1").arg(saved->name.toString()), 5000);
            dialog->done(QDialog::Accepted);
            selectName(saved->name.toString());
        });
    });
    showDialog(dialog);
}

void MainWindow::addSecret()
{
    openEditor(new SecretEditorDialog(this));
}

void MainWindow::editSelected()
{
    if (selectedName().isEmpty())
        return;
    readSelected([this](const SecretRecord &record, const SecretValue &value) {
        auto *dialog = new SecretEditorDialog(this);
        dialog->editExisting(record, value);
        openEditor(dialog);
    });
}

void MainWindow::deleteSelected()
{
    auto name = SecretName::parse(selectedName());
    if (!name)
        return;
    if (!Confirmation::ask(this, tr("Delete secret"),
                           tr("Delete %1 from profile %2? Its value is removed from the keychain.")
                               .arg(name->toString(), m_profile.toString())))
        return;
    m_store->remove(m_profile, *name, this, [this, name = *name](Status removed) {
        if (!removed)
            showFailure(removed.error());
        else
            statusBar()->showMessage(tr("Deleted %1").arg(name.toString()), 5000);
    });
}

void MainWindow::exportSecrets()
{
    auto *dialog = new ExportDialog(m_store, m_profile, m_clipboard, this);
    showDialog(dialog);
    dialog->load();
}

void MainWindow::importSecrets()
{
    openImport(std::nullopt);
}

void MainWindow::openImport(std::optional<int> sourceKind)
{
    auto *dialog = new ImportDialog(m_store, m_profile, this);
    if (sourceKind) {
        // The empty state's buttons pick the source; the dialog's source box is found by its objectName.
        if (auto *source = dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"))) {
            const int index = source->findData(*sourceKind);
            if (index >= 0)
                source->setCurrentIndex(index);
        }
    }
    connect(dialog, &ImportDialog::imported, this, [this](int count) {
        reload();
        statusBar()->showMessage(tr("Imported %n secret(s)", nullptr, count), 5000);
    });
    trackProgress(dialog, tr("Importing"));
    showDialog(dialog);
}

void MainWindow::syncSecrets()
{
    auto *dialog = new SyncDialog(m_store, m_profile, this);
    trackProgress(dialog, tr("Syncing"));
    showDialog(dialog);
}

void MainWindow::openSettings()
{
    showDialog(new SettingsDialog(m_settings, this));
}

void MainWindow::openShortcuts()
{
    showDialog(new ShortcutsDialog(m_actions->all(), this));
}

void MainWindow::addFromFile(const QString &path)
{
    auto text = readSmallFile(path);
    if (!text) {
        showFailure(text.error());
        return;
    }
    const ValidatorRegistry registry;
    const QString kind = registry.detectKind(*text);
    SecretValue::Type type =
        text->trimmed().startsWith('{') ? SecretValue::Type::Json : SecretValue::Type::String;
    for (const KindInfo &info : registry.kinds()) {
        if (info.id == kind)
            type = info.valueType;
    }
    auto *dialog = new SecretEditorDialog(this);
    dialog->prefill(kind, type, *text);
    openEditor(dialog);
    statusBar()->showMessage(kind.isEmpty()
                                 ? tr("Could not tell which default secret this file is; name it yourself.")
                                 : tr("Detected %1 in %2").arg(kind, QFileInfo(path).fileName()),
                             8000);
}

} // namespace secretdesk
