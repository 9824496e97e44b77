#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace secretdesk {

// Copies secret text to the clipboard with the hints that keep clipboard managers from storing it,
// and clears it after a timeout and on exit, but only while the clipboard still holds our text.
class Clipboard : public QObject {
    Q_OBJECT
public:
    explicit Clipboard(QObject *parent = nullptr);
    ~Clipboard() override;

    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }
    void copySecret(const QString &text);
    void clearIfOurs();
    int remainingSeconds() const;

Q_SIGNALS:
    void cleared();

private:
    QTimer *m_timer;
    QString m_copied;
    int m_timeoutSeconds = 20;
};

} // namespace secretdesk
