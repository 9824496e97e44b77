#pragma once

#include "core/model/SecretRecord.h"
#include "ui/ValidationState.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace secretdesk {

// The selected secret's metadata, its validation findings and its value, masked until revealed.
// Holds a value only while it is shown; clearValue() and clearFindings() drop what was read.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(QAction *revealAction, QWidget *parent = nullptr);

    // nullptr shows "No secret selected".
    void showRecord(const SecretRecord *record, ValidationState state);
    QString name() const { return m_name; }
    void showValue(const SecretValue &value);
    void clearValue();
    void showFindings(ValidationState state, const QStringList &findings);
    void clearFindings();
    // "Locked" in place of the value until the next read.
    void setLocked(bool locked);

    QLineEdit *valueEdit() const { return m_value; }
    QToolButton *revealButton() const { return m_reveal; }

private:
    QString m_name;
    QLabel *m_title;
    QLabel *m_kind;
    QLabel *m_type;
    QLabel *m_target;
    QLabel *m_updated;
    QLabel *m_note;
    QLabel *m_validation;
    QLabel *m_findings;
    QLineEdit *m_value;
    QToolButton *m_reveal;
};

} // namespace secretdesk
