#pragma once

#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QEvent;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace secretdesk {

class FindingsList;
class JsonHighlighter;
class PrefectPreview;

// Adds or edits one secret. Nothing is stored until Save; the window asks the store and closes the
// dialog only when the store succeeded, so a failure never loses what was typed. Cancel, Escape or
// closing the window asks before dropping changes (through Confirmation, which tests answer).

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

    // True when a field differs from what the dialog opened with (a JSON value compared by content,
    // so switching between pretty and compact layout is not a change).
    bool hasUnsavedChanges() const;
    // Re-lays out the JSON value: indented, or on one line. Member order and values stay as typed.
    // Refuses (and says why in the error line) when the text is not a JSON object.
    bool setCompactJson(bool compact);

    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

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
    // Wavy underlines in the JSON editor where findings (and a syntax error) point.
    void markJson(const QList<Diagnostic> &diagnostics);
    void insertTemplate();
    void replaceJsonText(const QByteArray &text);
    // A digest of every field, so the dialog can tell whether anything changed without keeping a
    // second copy of the value in memory.
    QByteArray fingerprint() const;

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
    QCheckBox *m_compact;
    JsonHighlighter *m_highlighter;
    QByteArray m_openedWith;
};

} // namespace secretdesk
