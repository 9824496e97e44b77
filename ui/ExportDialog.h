#pragma once

#include "core/store/SecretStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QPlainTextEdit;

namespace secretdesk {

class Clipboard;

// Export of the profile's secrets to a target: live preview (values masked until revealed), the
// refusals per secret with their reasons, copy to the clipboard (cleared later) and save (0600).
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(SecretStore *store, const ProfileName &profile, Clipboard *clipboard,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    // Reads the values (asynchronously) and renders the first preview.
    void load();
    bool isLoaded() const { return m_loaded; }
    QString previewText() const;
    QStringList refusalTexts() const;
    Status saveTo(const QString &path) const;

private:
    struct Item {
        SecretRecord record;
        SecretValue value;
    };
    void loadNext(QList<SecretRecord> pending);
    void render();
    Result<QByteArray> renderText(bool masked, QList<Diagnostic> &refusals) const;

    SecretStore *m_store;
    ProfileName m_profile;
    Clipboard *m_clipboard;
    QList<Item> m_items;
    bool m_loaded = false;
    QComboBox *m_target;
    QComboBox *m_style;
    QCheckBox *m_reveal;
    QPlainTextEdit *m_preview;
    QListWidget *m_refusals;
};

} // namespace secretdesk
