#pragma once

#include <QObject>

#include <sys/types.h>

class QSocketNotifier;

namespace secretdesk::cli {

// While alive, SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to this process are passed on to a child
// instead of ending us first, so `run` exits only when the child does, with the child's status.
// Signal handlers only write to a pipe; the event loop does the forwarding.
class SignalForwarder : public QObject {
    Q_OBJECT
public:
    explicit SignalForwarder(QObject *parent = nullptr);
    ~SignalForwarder() override;
    void setTarget(pid_t child) { m_child = child; }

private:
    void forward();

    pid_t m_child = 0;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace secretdesk::cli
