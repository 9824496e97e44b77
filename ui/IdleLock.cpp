#include "ui/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <algorithm>

namespace secretdesk {

namespace {

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleLock::IdleLock(QObject *parent)
    : QObject(parent)
    , m_check(new QTimer(this))
{
    m_sinceInput.start();
    connect(m_check, &QTimer::timeout, this, &IdleLock::check);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setIdleMinutes(int minutes)
{
    setIdleLimit(std::chrono::minutes(std::max(0, minutes)));
}

void IdleLock::setIdleLimit(std::chrono::milliseconds limit)
{
    m_limit = limit;
    if (m_limit.count() <= 0) {
        m_check->stop();
        return;
    }
    // Checking a few times per limit is enough: a lock a little late beats a timer restarted on every
    // mouse move.
    const auto interval = std::clamp<qint64>(m_limit.count() / 10, 20, 5000);
    m_check->start(static_cast<int>(interval));
}

void IdleLock::lockNow()
{
    m_locked = true;
    Q_EMIT locked();
}

void IdleLock::unlock()
{
    m_locked = false;
    m_sinceInput.restart();
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    if (isUserInput(event->type()))
        m_sinceInput.restart();
    return QObject::eventFilter(watched, event);
}

void IdleLock::check()
{
    if (m_locked || m_limit.count() <= 0)
        return;
    if (m_sinceInput.elapsed() >= m_limit.count())
        lockNow();
}

} // namespace secretdesk
