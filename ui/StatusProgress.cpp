#include "ui/StatusProgress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <algorithm>

namespace secretdesk {

StatusProgress::StatusProgress(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("statusProgress"));
    setAccessibleName(tr("Progress"));
    setAccessibleDescription(tr("Progress of a running import or sync"));
    m_label->setObjectName(QStringLiteral("statusProgressLabel"));
    m_label->setAccessibleName(tr("Running work"));
    m_label->setAccessibleDescription(tr("What the progress bar measures"));
    m_bar->setObjectName(QStringLiteral("statusProgressBar"));
    m_bar->setAccessibleName(tr("Progress"));
    m_bar->setAccessibleDescription(tr("How much of the running import or sync is done"));
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    hide();
}

void StatusProgress::begin(const QString &what)
{
    m_what = what;
    m_label->setText(what);
    m_bar->setRange(0, 0);
    show();
}

void StatusProgress::progress(int done, int total)
{
    if (total > 0 && done >= total) {
        finish();
        return;
    }
    if (m_what.isEmpty())
        m_label->setText(tr("Working"));
    m_bar->setRange(0, std::max(0, total));
    m_bar->setValue(std::max(0, done));
    m_bar->setFormat(total > 0 ? tr("%1 of %2").arg(done).arg(total) : QString());
    show();
}

void StatusProgress::finish()
{
    m_what.clear();
    hide();
}

bool StatusProgress::isRunning() const
{
    return !isHidden();
}

} // namespace secretdesk
