#pragma once

#include <QObject>
#include <QString>

class QMimeData;
class QTimer;

namespace secretdesk {

// Copies secret text to the clipboard with the hints that keep clipboard managers from storing it,
// and clears it after a timeout, on exit (QCoreApplication::aboutToQuit) and on destruction, but
// only while the clipboard still holds our text: whatever the user copied since then stays.
class Clipboard : public QObject {
    Q_OBJECT
public:
    explicit Clipboard(QObject *parent = nullptr);
    ~Clipboard() override;

    // Takes effect at the next copy (AppSettings::clipboardSeconds).
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }
    int timeoutSeconds() const { return m_timeoutSeconds; }
    // A value or an env line: hinted, counted down, cleared.
    void copySecret(const QString &text);
    // A name: not secret, so no hints and no timeout. It replaces a secret still on the clipboard.
    void copyPlain(const QString &text);
    void clearIfOurs();
    // Whole seconds until the clear; 0 when nothing of ours is pending.
    int remainingSeconds() const { return m_remaining; }
    // One second passed (the timer calls it; tests call it to count down without waiting).
    void tick();
    // The data copySecret() puts on the clipboard (text plus the platform's history hints).
    static QMimeData *secretMimeData(const QString &text);

Q_SIGNALS:
    // After a copy and each second: how many seconds are left.
    void countdown(int secondsLeft);
    void cleared();

private:
    QTimer *m_timer;
    QString m_copied;
    int m_timeoutSeconds = 20;
    int m_remaining = 0;
};

} // namespace secretdesk
