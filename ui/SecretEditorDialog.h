#pragma once

#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace secretdesk {

// Adds or edits one secret. Nothing is stored until Save; the window asks the store and closes the
// dialog only when the store succeeded, so a failure never loses what was typed.
class FindingsList;
class PrefectPreview;

class SecretEditorDialog : public QDialog {
    Q_OBJECT
public:
    explicit SecretEditorDialog(QWidget *parent = nullptr);
    ~SecretEditorDialog() override;

    void editExisting(const SecretRecord &record, const SecretValue &value);
    // A new secret from a dropped file: name and kind from the detected kind, the text as the value.
    void prefill(const QString &kind, SecretValue::Type type, const QByteArray &text);
    Result<SecretChange> change() const;
    void showError(const QString &message);

    void accept() override;

Q_SIGNALS:
    void saveRequested(const secretdesk::SecretChange &change);

private:
    void showValueEditorFor(SecretValue::Type type);
    // Validates and refreshes the Prefect lines; runs shortly after the last keystroke.
    void refreshChecks();
    QString effectiveKind() const;
    QByteArray currentText() const;
    void setCurrentText(const QByteArray &text);
    void applyFix(const Fix &fix);
    void insertTemplate();

    QLineEdit *m_name;
    QComboBox *m_type;
    QStackedWidget *m_valueStack;
    QLineEdit *m_stringValue;
    QCheckBox *m_reveal;
    QPlainTextEdit *m_jsonValue;
    QLineEdit *m_kind;
    QComboBox *m_target;
    QLineEdit *m_note;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_editing = false;
    ValidatorRegistry m_registry;
    FindingsList *m_findings;
    PrefectPreview *m_preview;
    QPushButton *m_template;
    QTimer *m_debounce;
};

} // namespace secretdesk
