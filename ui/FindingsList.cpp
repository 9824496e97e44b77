#include "ui/FindingsList.h"

#include <QStyle>

namespace secretdesk {

FindingsList::FindingsList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("findingsList"));
    setAccessibleName(tr("Validation findings"));
    setAccessibleDescription(tr("Problems found in the value; activate one with a fix to apply it"));
    setWordWrap(true);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int index = row(item);
        if (index >= 0 && index < m_findings.size() && m_findings.at(index).fix.isAutomatic())
            Q_EMIT fixRequested(m_findings.at(index).fix);
    });
}

void FindingsList::setFindings(const Findings &findings)
{
    m_findings = findings;
    clear();
    for (const Finding &f : findings) {
        const Diagnostic &d = f.diagnostic;
        QString text = QStringLiteral("%1 %2: %3").arg(d.code, d.location.toString(), d.message);
        if (f.fix.isAutomatic())
            text += tr(" — activate to fix: %1").arg(f.fix.description);
        else if (!d.fix.isEmpty())
            text += QStringLiteral(" — ") + d.fix;
        const QStyle::StandardPixmap icon = d.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                                            : d.severity == Severity::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation;
        auto *item = new QListWidgetItem(style()->standardIcon(icon), text, this);
        item->setData(Qt::UserRole, d.code);
    }
    setVisible(!findings.isEmpty());
}

} // namespace secretdesk
