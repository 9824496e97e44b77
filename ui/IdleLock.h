#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <chrono>

class QTimer;

namespace secretdesk {

// Counts how long the user has not touched the application (keys, mouse, wheel, touch anywhere in
// it, seen through an event filter on the application) and emits locked() once the limit passes or
// lockNow() is called. The window decides what locking drops; unlock() starts counting again.
class IdleLock : public QObject {
    Q_OBJECT
public:
    explicit IdleLock(QObject *parent = nullptr);
    ~IdleLock() override;

    // AppSettings::lockMinutes: 0 never locks on idle (lockNow() still does).
    void setIdleMinutes(int minutes);
    void setIdleLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds idleLimit() const { return m_limit; }
    bool isLocked() const { return m_locked; }

    void lockNow();
    void unlock();

Q_SIGNALS:
    void locked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    QTimer *m_check;
    QElapsedTimer m_sinceInput;
    std::chrono::milliseconds m_limit{0};
    bool m_locked = false;
};

} // namespace secretdesk
