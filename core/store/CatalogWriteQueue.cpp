#include "core/store/CatalogWriteQueue.h"

#include "core/store/StoreLog.h"

#include <QLockFile>
#include <QTimer>

namespace secretdesk {

namespace {
constexpr int RetryMs = 20;
}

CatalogWriteQueue::CatalogWriteQueue(CatalogFile file, QObject *parent)
    : QObject(parent)
    , m_file(std::move(file))
{}

CatalogWriteQueue::~CatalogWriteQueue() = default;

void CatalogWriteQueue::enqueue(Job job)
{
    m_jobs.append(std::move(job));
    startNext();
}

void CatalogWriteQueue::startNext()
{
    if (m_running || m_jobs.isEmpty())
        return;
    m_running = true;
    Diagnostic error;
    m_lock = m_file.lockFile(&error);
    if (!m_lock) {
        run(error);
        return;
    }
    m_waiting.start();
    attemptLock();
}

void CatalogWriteQueue::attemptLock()
{
    if (m_lock->tryLock(0)) {
        run({});
        return;
    }
    const bool busy = m_lock->error() == QLockFile::LockFailedError;
    if (busy && m_waiting.elapsed() < m_file.lockTimeout().count()) {
        QTimer::singleShot(RetryMs, this, &CatalogWriteQueue::attemptLock);
        return;
    }
    qCDebug(lcStore) << "catalog lock not taken after" << m_waiting.elapsed() << "ms";
    m_lock.reset();
    run(m_file.lockFailure(busy));
}

void CatalogWriteQueue::run(Status locked)
{
    Job job = m_jobs.takeFirst();
    const quint64 generation = ++m_generation;
    auto finished = std::make_shared<bool>(false);
    Finish finish = [this, generation, finished] {
        if (*finished || generation != m_generation)
            return;
        *finished = true;
        m_lock.reset(); // unlocks
        m_running = false;
        // Not recursively: a long queue of synchronous failures must not grow the stack.
        QTimer::singleShot(0, this, &CatalogWriteQueue::startNext);
    };
    job(std::move(locked), finish);
}

} // namespace secretdesk
