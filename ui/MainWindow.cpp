#include "ui/MainWindow.h"

#include "core/importing/ImportSource.h"
#include "core/platform/PrivateFile.h"
#include "core/validators/ValidatorRegistry.h"
#include "ui/AppSettings.h"
#include "ui/Clipboard.h"
#include "ui/ClipboardCountdown.h"
#include "ui/Confirmation.h"
#include "ui/DetailPane.h"
#include "ui/EmptyState.h"
#include "ui/EnvLine.h"
#include "ui/ExportDialog.h"
#include "ui/IdleLock.h"
#include "ui/MainActions.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretFilter.h"
#include "ui/SecretTableModel.h"
#include "ui/StatusProgress.h"
#include "ui/ValueReader.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/ShortcutsDialog.h"
#include "ui/sync/SyncDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace secretdesk {

MainWindow::MainWindow(SecretStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_settings(new AppSettings(this))
    , m_actions(new MainActions(this))
    , m_model(new SecretTableModel(this))
    , m_filter(new SecretFilter(this))
    , m_table(new QTableView(this))
    , m_banner(new QLabel(this))
    , m_profiles(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_clipboard(new Clipboard(this))
    , m_idle(new IdleLock(this))
    , m_reader(new ValueReader(store, m_model, this))
{
    setWindowTitle(tr("Secretdesk"));
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Secretdesk"));
    setAccessibleDescription(tr("The secrets of one profile; values stay in the system keychain"));
    m_filter->setSecretModel(m_model);
    buildLayout();
    connectActions();
    applySettings();
    setAcceptDrops(true);

    connect(m_search, &QLineEdit::textChanged, m_filter, &SecretFilter::setQuery);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::selectionMoved);
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::editSelected);
    connect(m_profiles, &QComboBox::textActivated, this, [this](const QString &text) {
        if (auto name = ProfileName::parse(text))
            setProfile(*name);
    });
    connect(m_settings, &AppSettings::changed, this, &MainWindow::applySettings);
    connect(m_idle, &IdleLock::locked, this, &MainWindow::lock);
    connect(m_reader, &ValueReader::checked, this,
            [this](const QString &name, ValidationState state, const QStringList &findings) {
                if (name == m_detail->name())
                    m_detail->showFindings(state, findings);
            });
    connect(m_store, &SecretStore::changed, this, &MainWindow::reload);
    // The CLI writes the same catalog: follow its changes. QSaveFile replaces the file, so watch the folder
    // too.
    const QString catalogPath = m_store->catalogFile().path();
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &MainWindow::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::reload);
    QFileInfo(catalogPath).absoluteDir().mkpath(QStringLiteral("."));
    m_watcher->addPath(QFileInfo(catalogPath).absolutePath());
    reload();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    MainActions *a = m_actions;
    connect(a->add, &QAction::triggered, this, &MainWindow::addSecret);
    connect(a->edit, &QAction::triggered, this, &MainWindow::editSelected);
    connect(a->remove, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(a->reveal, &QAction::toggled, this, &MainWindow::setRevealed);
    connect(a->exportAction, &QAction::triggered, this, &MainWindow::exportSecrets);
    connect(a->import, &QAction::triggered, this, &MainWindow::importSecrets);
    connect(a->sync, &QAction::triggered, this, &MainWindow::syncSecrets);
    connect(a->copyValue, &QAction::triggered, this, &MainWindow::copyValue);
    connect(a->copyName, &QAction::triggered, this, &MainWindow::copyName);
    connect(a->copyEnvLine, &QAction::triggered, this, &MainWindow::copyEnvLine);
    connect(a->find, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(a->lock, &QAction::triggered, m_idle, &IdleLock::lockNow);
    connect(a->settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(a->shortcuts, &QAction::triggered, this, &MainWindow::openShortcuts);
    connect(a->refresh, &QAction::triggered, this, &MainWindow::reload);
    connect(a->newProfile, &QAction::triggered, this, &MainWindow::newProfile);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_empty, &EmptyState::addRequested, this, &MainWindow::addSecret);
    connect(m_empty, &EmptyState::importRequested, this, [this](EmptyState::ImportSource source) {
        openImport(int(source == EmptyState::ImportSource::ConfigToml ? ImportSource::Kind::ConfigToml
                                                                      : ImportSource::Kind::Environment));
    });
}

void MainWindow::applySettings()
{
    m_clipboard->setTimeoutSeconds(m_settings->clipboardSeconds());
    m_idle->setIdleMinutes(m_settings->lockMinutes());
}

void MainWindow::setProfile(const ProfileName &profile)
{
    m_profile = profile;
    reload();
}

void MainWindow::reload()
{
    const QString keep = selectedName();
    auto profiles = m_store->profiles();
    auto records = m_store->records(m_profile);
    if (!profiles || !records) {
        showFailure(!profiles ? profiles.error() : records.error());
        return;
    }
    QStringList names = *profiles;
    if (!names.contains(m_profile.toString()))
        names.append(m_profile.toString());
    {
        const QSignalBlocker block(m_profiles);
        m_profiles->clear();
        m_profiles->addItems(names);
        m_profiles->setCurrentText(m_profile.toString());
    }
    {
        // A reload is not a new selection: keep a revealed value if its secret is still there.
        const QSignalBlocker quiet(m_table->selectionModel());
        m_model->setRecords(*records);
        selectName(keep);
    }
    m_empty->setProfileName(m_profile.toString());
    updateEmptyState();
    selectionMoved();
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentIndex(empty ? 1 : 0);
    m_search->setEnabled(!empty);
}

void MainWindow::selectName(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_table->setCurrentIndex(m_filter->mapFromSource(m_model->index(row, 0)));
}

void MainWindow::selectionMoved()
{
    const QString name = selectedName();
    const int row = m_model->rowOf(name);
    if (name != m_detail->name())
        setRevealed(false);
    m_detail->showRecord(m_model->recordAt(row), m_model->validationState(name));
    updateActions();
}

QString MainWindow::selectedName() const
{
    const QModelIndex current =
        m_table->selectionModel() ? m_table->selectionModel()->currentIndex() : QModelIndex();
    return current.isValid() ? current.data(SecretTableModel::NameRole).toString() : QString();
}

void MainWindow::updateActions()
{
    const bool selected = !selectedName().isEmpty();
    for (QAction *action : m_actions->selectionActions())
        action->setEnabled(selected);
}

void MainWindow::checkKeychain()
{
    m_store->vault()->checkAvailable(this, [this](Status status) {
        if (!status)
            showFailure(status.error());
    });
}

void MainWindow::showFailure(const Diagnostic &error)
{
    if (error.failure == Failure::KeychainUnavailable) {
        m_banner->setText(tr("The keychain cannot be reached: %1. Values cannot be read or saved until it is "
                             "available; names are still listed.")
                              .arg(error.message));
        m_banner->show();
    }
    statusBar()->showMessage(error.toString());
}

bool MainWindow::isLocked() const
{
    return m_idle->isLocked();
}

void MainWindow::lock()
{
    setRevealed(false);
    m_detail->setLocked(true);
    m_model->clearValidationStates();
    m_clipboard->clearIfOurs();
    // Open editors and export previews hold values in their fields: they go too.
    for (QDialog *dialog : findChildren<QDialog *>()) {
        if (!dialog->isVisible())
            continue;
        dialog->done(QDialog::Rejected);
        // Later, not now: the lock may come from a shortcut of that very dialog.
        dialog->deleteLater();
    }
    m_lockedLabel->show();
    statusBar()->showMessage(tr("Locked: values were forgotten; the next reveal, copy or edit reads the "
                                "keychain again."));
}

void MainWindow::readSelected(const std::function<void(const SecretRecord &, const SecretValue &)> &use)
{
    if (m_idle->isLocked()) {
        m_idle->unlock();
        m_detail->setLocked(false);
        m_lockedLabel->hide();
    }
    m_reader->read(m_profile, selectedName(), this, use,
                   [this](const Diagnostic &error) { showFailure(error); });
}

void MainWindow::setRevealed(bool revealed)
{
    if (m_actions->reveal->isChecked() != revealed) {
        const QSignalBlocker block(m_actions->reveal);
        m_actions->reveal->setChecked(revealed);
    }
    m_detail->clearValue();
    if (!revealed || selectedName().isEmpty())
        return;
    const QString name = selectedName();
    readSelected([this, name](const SecretRecord &, const SecretValue &value) {
        if (selectedName() != name || !m_actions->reveal->isChecked())
            return; // the selection moved on (or the value was hidden) while the keychain answered
        m_detail->showValue(value);
    });
}

void MainWindow::copyValue()
{
    readSelected([this](const SecretRecord &record, const SecretValue &value) {
        m_clipboard->copySecret(value.toString());
        statusBar()->showMessage(tr("Copied the value of %1").arg(record.name.toString()), 3000);
    });
}

void MainWindow::copyEnvLine()
{
    readSelected([this](const SecretRecord &record, const SecretValue &value) {
        Result<QString> line = EnvLine::forSecret(record, value);
        if (!line) {
            showFailure(line.error());
            return;
        }
        m_clipboard->copySecret(*line);
        statusBar()->showMessage(tr("Copied the env line of %1").arg(record.name.toString()), 3000);
    });
}

void MainWindow::copyName()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    m_clipboard->copyPlain(name);
    statusBar()->showMessage(tr("Copied the name %1").arg(name), 3000);
}

void MainWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MainWindow::beginProgress(const QString &what)
{
    m_progress->begin(what);
}

QObject *MainWindow::progressContext() const
{
    return m_progress;
}

void MainWindow::onProgress(int done, int total)
{
    m_progress->progress(done, total);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    addFromFile(urls.constFirst().toLocalFile());
}

} // namespace secretdesk
