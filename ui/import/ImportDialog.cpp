#include "ui/import/ImportDialog.h"

#include "core/importing/ImportRun.h"
#include "ui/AccessibleText.h"
#include "ui/import/ImportPreviewTable.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace secretdesk {

namespace {
QLabel *labelFor(QWidget *buddy, const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    described(label, objectName, QLabel::tr("Label: %1").arg(buddy->accessibleName()),
              QLabel::tr("Names the field next to it"));
    return label;
}
} // namespace

ImportDialog::ImportDialog(SecretStore *store, const ProfileName &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profile(profile)
{
    setWindowTitle(tr("Import secrets into %1").arg(profile.toString()));
    described(
        this, QStringLiteral("importDialog"), tr("Import secrets"),
        tr("Import Prefect secrets from the environment, an env file or config.toml into this profile"));
    buildControls();
    sourceChanged();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::buildControls()
{
    m_source = new QComboBox(this);
    m_source->addItem(tr("Environment of this program"), int(ImportSource::Kind::Environment));
    m_source->addItem(tr("Env file (.env)"), int(ImportSource::Kind::EnvFile));
    m_source->addItem(tr("Prefect config.toml"), int(ImportSource::Kind::ConfigToml));
    described(m_source, QStringLiteral("sourceCombo"), tr("Source"),
              tr("Where to read PREFECT__CONTEXT__SECRETS__* or [context.secrets] from"));
    m_path = new QLineEdit(this);
    described(m_path, QStringLiteral("pathEdit"), tr("File"), tr("The env file or config.toml to read"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    described(m_browse, QStringLiteral("browseButton"), tr("Browse"), tr("Choose the file to read"));
    m_plain = new QLineEdit(this);
    m_plain->setPlaceholderText(tr("e.g. DB_PASSWORD, API_KEY"));
    described(m_plain, QStringLiteral("plainEdit"), tr("Plain variables"),
              tr("Comma-separated names of plain variables (for EnvVarSecret) to import as well"));
    m_previewButton = new QPushButton(tr("&Preview"), this);
    described(m_previewButton, QStringLiteral("previewButton"), tr("Preview"),
              tr("Read the source and show what the import would change, without changing anything"));
    m_table = new ImportPreviewTable(this);
    m_problems = new QListWidget(this);
    described(m_problems, QStringLiteral("problemsList"), tr("Problems"),
              tr("Why secrets cannot be imported, each with its file and line"));
    m_policy = new QComboBox(this);
    m_policy->addItem(tr("Stop: change nothing"), int(ImportConflict::Fail));
    m_policy->addItem(tr("Skip: keep the stored value"), int(ImportConflict::Skip));
    m_policy->addItem(tr("Overwrite with the imported value"), int(ImportConflict::Overwrite));
    described(m_policy, QStringLiteral("policyCombo"), tr("When a name exists"),
              tr("What to do with secrets whose name this profile already has with another value"));
    m_importButton = new QPushButton(tr("&Import"), this);
    described(m_importButton, QStringLiteral("importButton"), tr("Import"),
              tr("Import the previewed secrets, all or nothing"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    described(m_progress, QStringLiteral("importProgress"), tr("Import progress"),
              tr("Secrets written so far out of those to write"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    described(m_status, QStringLiteral("statusLabel"), tr("Import status"),
              tr("The outcome of the last step"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    described(buttons, QStringLiteral("importButtons"), tr("Dialog buttons"), tr("Close the import view"));
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    described(m_closeButton, QStringLiteral("closeButton"), tr("Close"), tr("Close the import view"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(labelFor(m_source, tr("&Source:"), QStringLiteral("sourceLabel"), this), m_source);
    form->addRow(labelFor(m_path, tr("&File:"), QStringLiteral("pathLabel"), this), pathRow);
    form->addRow(labelFor(m_plain, tr("P&lain variables:"), QStringLiteral("plainLabel"), this), m_plain);
    auto *previewRow = new QHBoxLayout;
    previewRow->addStretch(1);
    previewRow->addWidget(m_previewButton);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(labelFor(m_policy, tr("&When a name exists:"), QStringLiteral("policyLabel"), this));
    importRow->addWidget(m_policy, 1);
    importRow->addWidget(m_importButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(previewRow);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_problems, 1);
    layout->addLayout(importRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    QWidget *order[] = {m_source, m_path,     m_browse, m_plain,        m_previewButton,
                        m_table,  m_problems, m_policy, m_importButton, m_closeButton};
    for (size_t i = 0; i + 1 < std::size(order); ++i)
        setTabOrder(order[i], order[i + 1]);
    m_progress->setFocusPolicy(Qt::NoFocus);
    m_previewButton->setDefault(true);

    connect(m_source, &QComboBox::currentIndexChanged, this, &ImportDialog::sourceChanged);
    connect(m_path, &QLineEdit::textEdited, this, &ImportDialog::invalidate);
    connect(m_plain, &QLineEdit::textEdited, this, &ImportDialog::invalidate);
    connect(m_browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_previewButton, &QPushButton::clicked, this, &ImportDialog::preview);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &ImportDialog::policyChanged);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
}

ImportSource ImportDialog::source() const
{
    const auto kind = ImportSource::Kind(m_source->currentData().toInt());
    const QStringList plain = m_plain->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    QStringList names;
    for (const QString &name : plain)
        names.append(name.trimmed());
    names.removeAll(QString());
    switch (kind) {
    case ImportSource::Kind::Environment:
        return ImportSource::environment(names);
    case ImportSource::Kind::EnvFile:
        return ImportSource::envFile(m_path->text().trimmed(), names);
    case ImportSource::Kind::ConfigToml:
        break;
    }
    return ImportSource::configToml(m_path->text().trimmed());
}

void ImportDialog::sourceChanged()
{
    const auto kind = ImportSource::Kind(m_source->currentData().toInt());
    const bool hasFile = kind != ImportSource::Kind::Environment;
    m_path->setEnabled(hasFile);
    m_browse->setEnabled(hasFile);
    // config.toml has no plain variables: Prefect reads only [context.secrets] from it.
    m_plain->setEnabled(kind != ImportSource::Kind::ConfigToml);
    if (kind == ImportSource::Kind::ConfigToml)
        m_path->setText(ImportSource::configToml().effectivePath());
    else if (kind == ImportSource::Kind::Environment)
        m_path->clear();
    else if (m_path->text() == ImportSource::configToml().effectivePath())
        m_path->clear();
    invalidate();
}

void ImportDialog::browse()
{
    const bool toml = ImportSource::Kind(m_source->currentData().toInt()) == ImportSource::Kind::ConfigToml;
    const QString chosen = QFileDialog::getOpenFileName(
        this, toml ? tr("Choose Prefect's config.toml") : tr("Choose an env file"), m_path->text(),
        toml ? tr("TOML files (*.toml);;All files (*)") : tr("Env files (*.env .env*);;All files (*)"),
        nullptr, QFileDialog::DontUseNativeDialog);
    if (chosen.isEmpty())
        return;
    m_path->setText(chosen);
    invalidate();
}

void ImportDialog::invalidate()
{
    ++m_generation;
    m_plan.reset();
    m_table->setRowCount(0);
    m_problems->clear();
    m_status->clear();
    m_importButton->setEnabled(false);
}

void ImportDialog::preview()
{
    if (m_busy)
        return;
    invalidate();
    const ImportSource chosen = source();
    if (chosen.kind == ImportSource::Kind::EnvFile && chosen.path.isEmpty()) {
        m_status->setText(tr("Choose an env file to read."));
        return;
    }
    const auto found = chosen.read();
    if (!found) {
        showProblems({found.error()});
        m_status->setText(tr("Nothing can be imported from this source; nothing was changed."));
        return;
    }
    const ImportPlan built =
        ImportPlan::build(*found, *m_store, m_profile, ImportConflict(m_policy->currentData().toInt()));
    m_status->setText(tr("Comparing with the stored values…"));
    setBusy(true);
    const int generation = m_generation;
    ImportPlan::compareValues(built, m_store, this, [this, generation](ImportPlan compared) {
        setBusy(false);
        if (generation != m_generation)
            return;
        m_plan = std::move(compared);
        showPlan();
        emit previewed();
    });
}

void ImportDialog::policyChanged()
{
    if (!m_plan)
        return;
    m_plan->setPolicy(ImportConflict(m_policy->currentData().toInt()));
    showPlan();
}

void ImportDialog::showPlan()
{
    m_table->showPlan(*m_plan);
    QList<Diagnostic> problems;
    QStringList names; // the secret each problem is about
    for (const ImportItem &item : m_plan->items()) {
        problems += item.diagnostics;
        for (qsizetype i = 0; i < item.diagnostics.size(); ++i)
            names.append(item.name);
    }
    showProblems(problems, names);
    const int writes = m_plan->count(ImportItem::Action::Write);
    const int skips = m_plan->count(ImportItem::Action::Skip);
    if (m_plan->items().isEmpty())
        m_status->setText(tr("No Prefect secrets found in this source."));
    else if (m_plan->blocked())
        m_status->setText(tr("Nothing will be imported until the problems listed are solved."));
    else
        m_status->setText(tr("%n secret(s) to write", nullptr, writes) + QStringLiteral("; ") +
                          tr("%n left as they are.", nullptr, skips));
    m_importButton->setEnabled(!m_busy && !m_plan->blocked() && writes > 0);
}

void ImportDialog::showProblems(const QList<Diagnostic> &problems, const QStringList &names)
{
    m_problems->clear();
    for (qsizetype i = 0; i < problems.size(); ++i) {
        const Diagnostic &d = problems.at(i);
        QString text = d.toString();
        // The core's wording names the CLI's flag; here the choice is the policy box.
        if (d.code == QLatin1String("IMPORT002") && i < names.size()) {
            text = tr("%1: '%2' already exists in this profile with another value: choose Skip or Overwrite "
                      "(IMPORT002)")
                       .arg(d.location.toString(), names.at(i));
        }
        auto *row = new QListWidgetItem(text, m_problems);
        row->setToolTip(d.fix);
    }
}

void ImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_source), static_cast<QWidget *>(m_previewButton),
                       static_cast<QWidget *>(m_policy)})
        w->setEnabled(!busy);
    if (busy)
        m_importButton->setEnabled(false);
}

void ImportDialog::startImport()
{
    if (m_busy || !m_plan || m_plan->blocked())
        return;
    // The run belongs to the store, not to this view: closing the view never stops a rollback halfway.
    auto *run = new ImportRun(m_store, *m_plan, m_store);
    run->setRecordKinds(true);
    const int total = m_plan->count(ImportItem::Action::Write);
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(0);
    connect(run, &ImportRun::progress, this, [this](int done, int all) {
        m_progress->setValue(done);
        m_status->setText(tr("Imported %1 of %2…").arg(done).arg(all));
        emit progress(done, all);
    });
    setBusy(true);
    QPointer<ImportDialog> self(this);
    run->start([self, run](ImportOutcome outcome) {
        run->deleteLater();
        if (!self)
            return;
        self->setBusy(false);
        if (!outcome.ok()) {
            QList<Diagnostic> problems{*outcome.failure};
            if (outcome.rollbackFailure)
                problems.append(*outcome.rollbackFailure);
            self->showProblems(problems);
            self->m_progress->setValue(0);
            self->m_status->setText(outcome.rollbackFailure
                                        ? tr("The import failed and could not be fully undone: run Repair.")
                                        : tr("The import failed; nothing was changed."));
            self->m_importButton->setEnabled(false);
            return;
        }
        // The plan is used up: a new preview shows the profile as it is now.
        self->m_plan.reset();
        self->m_importButton->setEnabled(false);
        self->m_status->setText(tr("Imported %n secret(s).", nullptr, outcome.written));
        emit self->imported(outcome.written);
    });
}

} // namespace secretdesk
