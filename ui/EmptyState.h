#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace secretdesk {

// Shown instead of the table while the profile has no secrets: how to start, with buttons for the
// first steps (add one, import from the environment or a config.toml) and the drop hint.
class EmptyState : public QWidget {
    Q_OBJECT
public:
    enum class ImportSource { Environment, ConfigToml };

    explicit EmptyState(QWidget *parent = nullptr);

    void setProfileName(const QString &profile);
    QPushButton *addButton() const { return m_add; }
    QPushButton *importEnvironmentButton() const { return m_importEnv; }
    QPushButton *importConfigButton() const { return m_importToml; }

Q_SIGNALS:
    void addRequested();
    void importRequested(EmptyState::ImportSource source);

private:
    QLabel *m_title;
    QPushButton *m_add;
    QPushButton *m_importEnv;
    QPushButton *m_importToml;
};

} // namespace secretdesk
