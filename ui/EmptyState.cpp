#include "ui/EmptyState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace secretdesk {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_add(new QPushButton(tr("&Add a secret…"), this))
    , m_importEnv(new QPushButton(tr("Import from the &environment…"), this))
    , m_importToml(new QPushButton(tr("Import a &config.toml…"), this))
{
    setObjectName(QStringLiteral("emptyState"));
    setAccessibleName(tr("No secrets yet"));
    setAccessibleDescription(tr("How to add the first secrets of this profile"));
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setAccessibleName(tr("No secrets yet"));
    m_title->setAccessibleDescription(tr("Says which profile is empty"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);

    auto *explain = new QLabel(
        tr("Secretdesk keeps Prefect secrets in your system keychain and lists only their names here. "
           "Add a secret by hand, or bring in the ones you already have: PREFECT__CONTEXT__SECRETS__* "
           "variables from the environment, or the [context.secrets] table of a Prefect config.toml."),
        this);
    explain->setObjectName(QStringLiteral("emptyExplanation"));
    explain->setWordWrap(true);
    explain->setAlignment(Qt::AlignCenter);
    explain->setAccessibleName(tr("Getting started"));
    explain->setAccessibleDescription(tr("What Secretdesk keeps and the ways to add secrets"));
    auto *dropHint = new QLabel(tr("Or drop a key file (a Google service-account JSON, a GitHub token file) "
                                   "onto this window: its kind is detected and the editor opens."),
                                this);
    dropHint->setObjectName(QStringLiteral("emptyDropHint"));
    dropHint->setWordWrap(true);
    dropHint->setAlignment(Qt::AlignCenter);
    dropHint->setAccessibleName(tr("Drop a key file"));
    dropHint->setAccessibleDescription(tr("Dropping a key file onto the window starts a new secret from it"));

    m_add->setObjectName(QStringLiteral("emptyAddButton"));
    m_add->setAccessibleName(tr("Add a secret"));
    m_add->setAccessibleDescription(tr("Opens the editor for a new secret (Ctrl+N)"));
    m_importEnv->setObjectName(QStringLiteral("emptyImportEnvButton"));
    m_importEnv->setAccessibleName(tr("Import from the environment"));
    m_importEnv->setAccessibleDescription(tr("Imports PREFECT__CONTEXT__SECRETS__ variables (Ctrl+I)"));
    m_importToml->setObjectName(QStringLiteral("emptyImportTomlButton"));
    m_importToml->setAccessibleName(tr("Import a config.toml"));
    m_importToml->setAccessibleDescription(
        tr("Imports the [context.secrets] table of a Prefect config.toml"));
    connect(m_add, &QPushButton::clicked, this, &EmptyState::addRequested);
    connect(m_importEnv, &QPushButton::clicked, this,
            [this] { Q_EMIT importRequested(ImportSource::Environment); });
    connect(m_importToml, &QPushButton::clicked, this,
            [this] { Q_EMIT importRequested(ImportSource::ConfigToml); });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_importEnv);
    buttons->addWidget(m_importToml);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(explain);
    layout->addLayout(buttons);
    layout->addWidget(dropHint);
    layout->addStretch(2);
    setTabOrder(m_add, m_importEnv);
    setTabOrder(m_importEnv, m_importToml);
    setProfileName(QStringLiteral("default"));
}

void EmptyState::setProfileName(const QString &profile)
{
    m_title->setText(tr("Profile “%1” has no secrets yet").arg(profile));
}

} // namespace secretdesk
