#include "app/cli/SignalForwarder.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace secretdesk::cli {

namespace {
int g_pipe[2] = {-1, -1};
constexpr int Forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_previous[std::size(Forwarded)];

void onSignal(int signal)
{
    const unsigned char byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
}
} // namespace

SignalForwarder::SignalForwarder(QObject *parent)
    : QObject(parent)
{
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalForwarder::forward);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < std::size(Forwarded); ++i)
        sigaction(Forwarded[i], &action, &g_previous[i]);
}

SignalForwarder::~SignalForwarder()
{
    if (!m_notifier)
        return;
    for (std::size_t i = 0; i < std::size(Forwarded); ++i)
        sigaction(Forwarded[i], &g_previous[i], nullptr);
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void SignalForwarder::forward()
{
    unsigned char byte = 0;
    while (::read(g_pipe[0], &byte, 1) == 1) {
        if (m_child > 0)
            ::kill(m_child, byte);
    }
}

} // namespace secretdesk::cli
