#include "ui/MainWindow.h"

#include "core/platform/PrivateFile.h"
#include "core/validators/ValidatorRegistry.h"
#include "ui/Clipboard.h"
#include "ui/Confirmation.h"
#include "ui/ExportDialog.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace secretdesk {

MainWindow::MainWindow(SecretStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_model(new SecretTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_banner(new QLabel(this))
    , m_profiles(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_detailName(new QLabel(this))
    , m_detailValue(new QLineEdit(this))
    , m_revealButton(new QToolButton(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_clipboard(new Clipboard(this))
{
    setWindowTitle(tr("Secretdesk"));
    setObjectName(QStringLiteral("mainWindow"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    buildActions();
    buildLayout();
    setAcceptDrops(true);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::selectionMoved);
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::editSelected);
    connect(m_profiles, &QComboBox::textActivated, this, [this](const QString &text) {
        if (auto name = ProfileName::parse(text))
            setProfile(*name);
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

void MainWindow::buildActions()
{
    QToolBar *bar = addToolBar(tr("Secrets"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    m_profiles->setObjectName(QStringLiteral("profileCombo"));
    m_profiles->setAccessibleName(tr("Profile"));
    m_profiles->setToolTip(tr("Profiles keep sets of secrets apart, e.g. dev and prod"));
    bar->addWidget(new QLabel(tr("Profile: "), this));
    bar->addWidget(m_profiles);
    auto *newProfile = bar->addAction(tr("New profile…"), this, [this] {
        const QString text = QInputDialog::getText(this, tr("New profile"), tr("Profile name:"));
        if (text.isEmpty())
            return;
        auto name = ProfileName::parse(text);
        if (!name) {
            showFailure(name.error());
            return;
        }
        setProfile(*name);
    });
    newProfile->setObjectName(QStringLiteral("newProfileAction"));
    bar->addSeparator();

    m_addAction = bar->addAction(tr("&Add"), this, &MainWindow::addSecret);
    m_addAction->setShortcut(QKeySequence::New);
    m_editAction = bar->addAction(tr("&Edit"), this, &MainWindow::editSelected);
    m_editAction->setShortcuts({QKeySequence(Qt::Key_F2), QKeySequence(Qt::CTRL | Qt::Key_E)});
    m_deleteAction = bar->addAction(tr("&Delete"), this, &MainWindow::deleteSelected);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    auto *exportAction = bar->addAction(tr("E&xport…"), this, &MainWindow::exportSecrets);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setObjectName(QStringLiteral("exportAction"));
    m_revealAction = new QAction(tr("&Reveal value"), this);
    m_revealAction->setCheckable(true);
    m_revealAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_revealAction, &QAction::toggled, this, &MainWindow::setRevealed);
    auto *refresh = new QAction(tr("Re&fresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::reload);
    addAction(refresh);
    m_addAction->setObjectName(QStringLiteral("addAction"));
    m_editAction->setObjectName(QStringLiteral("editAction"));
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_revealAction->setObjectName(QStringLiteral("revealAction"));
}

void MainWindow::buildLayout()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner->setObjectName(QStringLiteral("keychainBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #b3261e; color: white; padding: 6px;"));
    m_banner->hide();
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search names, kinds, notes"));
    m_search->setAccessibleName(tr("Search secrets"));
    m_search->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("secretTable"));
    m_table->setAccessibleName(tr("Secrets"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SecretTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    m_detailName->setObjectName(QStringLiteral("detailName"));
    m_detailValue->setObjectName(QStringLiteral("detailValue"));
    m_detailValue->setReadOnly(true);
    m_detailValue->setEchoMode(QLineEdit::Password);
    m_detailValue->setPlaceholderText(tr("hidden"));
    m_detailValue->setAccessibleName(tr("Selected secret's value"));
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    m_revealButton->setDefaultAction(m_revealAction);
    auto *detail = new QHBoxLayout;
    detail->addWidget(m_detailName);
    detail->addWidget(m_detailValue, 1);
    detail->addWidget(m_revealButton);

    layout->addWidget(m_banner);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addLayout(detail);
    setCentralWidget(central);
    statusBar()->showMessage(tr("Values stay in the OS keychain; only names are listed."));
    resize(820, 520);
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
    const QSignalBlocker block(m_profiles);
    m_profiles->clear();
    m_profiles->addItems(names);
    m_profiles->setCurrentText(m_profile.toString());
    {
        // A reload is not a new selection: keep a revealed value if its secret is still there.
        const QSignalBlocker quiet(m_table->selectionModel());
        m_model->setRecords(*records);
        const int row = m_model->rowOf(keep);
        if (row >= 0)
            m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    }
    selectionMoved();
}

void MainWindow::selectionMoved()
{
    const QString name = selectedName();
    if (name != m_detailName->text()) {
        setRevealed(false);
        m_detailName->setText(name);
    }
    updateActions();
}

void MainWindow::checkKeychain()
{
    m_store->vault()->checkAvailable(this, [this](Status status) {
        if (!status)
            showFailure(status.error());
    });
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
    m_editAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
    m_revealAction->setEnabled(selected);
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

void MainWindow::openEditor(SecretEditorDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SecretEditorDialog::saveRequested, this, [this, dialog](const SecretChange &change) {
        m_store->save(m_profile, change, dialog, [this, dialog](Result<SecretRecord> saved) {
            if (!saved) {
                dialog->showError(saved.error().toString());
                showFailure(saved.error());
                return;
            }
            statusBar()->showMessage(tr("Saved %1").arg(saved->name.toString()), 5000);
            dialog->done(QDialog::Accepted);
            const int row = m_model->rowOf(saved->name.toString());
            if (row >= 0)
                m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
        });
    });
    dialog->open();
}

void MainWindow::addSecret()
{
    openEditor(new SecretEditorDialog(this));
}

void MainWindow::editSelected()
{
    auto name = SecretName::parse(selectedName());
    if (!name)
        return;
    auto record = m_store->record(m_profile, *name);
    if (!record) {
        showFailure(record.error());
        return;
    }
    m_store->readValue(m_profile, *name, this, [this, record = *record](Result<SecretValue> value) {
        if (!value) {
            showFailure(value.error());
            return;
        }
        auto *dialog = new SecretEditorDialog(this);
        dialog->editExisting(record, *value);
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

void MainWindow::setRevealed(bool revealed)
{
    if (m_revealAction->isChecked() != revealed) {
        const QSignalBlocker block(m_revealAction);
        m_revealAction->setChecked(revealed);
    }
    m_detailValue->clear();
    m_detailValue->setEchoMode(QLineEdit::Password);
    if (!revealed)
        return;
    auto name = SecretName::parse(selectedName());
    if (!name)
        return;
    m_store->readValue(m_profile, *name, this, [this, name = *name](Result<SecretValue> value) {
        if (!value) {
            showFailure(value.error());
            setRevealed(false);
            return;
        }
        if (selectedName() != name.toString() || !m_revealAction->isChecked())
            return; // the selection moved on while the keychain answered
        m_detailValue->setEchoMode(QLineEdit::Normal);
        m_detailValue->setText(value->toString());
    });
}

void MainWindow::exportSecrets()
{
    auto *dialog = new ExportDialog(m_store, m_profile, m_clipboard, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->load();
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
