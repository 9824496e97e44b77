#pragma once

#include "core/model/SecretName.h"
#include "core/model/SecretValue.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace secretdesk {

// The exact lines Prefect needs for the value being edited (env var and config.toml), and a note
// on what the encoding had to guard against. Shows text only while the value itself is shown.
class PrefectPreview : public QWidget {
    Q_OBJECT
public:
    explicit PrefectPreview(QWidget *parent = nullptr);
    void showFor(const QString &name, const Result<SecretValue> &value, bool revealed);
    QString envLine() const;
    QString tomlLine() const;

private:
    QPlainTextEdit *m_lines;
    QLabel *m_note;
};

} // namespace secretdesk
