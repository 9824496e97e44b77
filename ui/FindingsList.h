#pragma once

#include "core/validators/Finding.h"

#include <QListWidget>

namespace secretdesk {

// Validation findings of the document being edited, one row each; activating a row whose fix is
// automatic asks for it to be applied (the editor owns the text, so it does the edit).
class FindingsList : public QListWidget {
    Q_OBJECT
public:
    explicit FindingsList(QWidget *parent = nullptr);
    void setFindings(const Findings &findings);
    const Findings &findings() const { return m_findings; }

Q_SIGNALS:
    void fixRequested(const secretdesk::Fix &fix);

private:
    Findings m_findings;
};

} // namespace secretdesk
