#pragma once

#include "core/importing/ImportPlan.h"
#include "core/importing/ImportSource.h"
#include "core/model/SecretName.h"
#include "core/store/SecretStore.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace secretdesk {

class ImportPreviewTable;

// The Import view of one profile: reads Prefect secrets from the environment, an env file or
// config.toml, previews what would change (names, states and kinds, never a value) and imports them
// all or nothing with a conflict policy and progress. Problems are listed with file:line.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(SecretStore *store, const ProfileName &profile, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // The source the controls describe now.
    ImportSource source() const;
    // The last preview (empty until one was made).
    const std::optional<ImportPlan> &plan() const { return m_plan; }

public slots:
    // Reads the source and shows the plan; the values are compared with the stored ones first.
    void preview();
    // Imports the previewed plan.
    void startImport();

signals:
    void progress(int done, int total);
    void imported(int count);
    // After each preview, with the plan shown (for the window and tests).
    void previewed();

private:
    void buildControls();
    void sourceChanged();
    void policyChanged();
    void browse();
    void showPlan();
    void showProblems(const QList<Diagnostic> &problems, const QStringList &names = {});
    void setBusy(bool busy);
    void invalidate();

    SecretStore *m_store;
    ProfileName m_profile;
    std::optional<ImportPlan> m_plan;
    bool m_busy = false;
    int m_generation = 0; // previews started; a late answer to an older one is dropped

    QComboBox *m_source = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_plain = nullptr;
    QPushButton *m_previewButton = nullptr;
    ImportPreviewTable *m_table = nullptr;
    QListWidget *m_problems = nullptr;
    QComboBox *m_policy = nullptr;
    QPushButton *m_importButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace secretdesk
