#pragma once

#include "core/store/CatalogFile.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QLockFile;

namespace secretdesk {

// Runs a store's writes one at a time, each holding the catalog's lock file from its write-ahead
// intent to its commit, so that a write of another process waits for the whole operation (and an
// intent found while holding the lock belongs to a writer that died). The lock is polled, not
// waited for, so a GUI stays responsive; after the lock timeout the job gets a clear failure.
class CatalogWriteQueue : public QObject {
    Q_OBJECT
public:
    // Call `finish` exactly once when the job is over: it releases the lock and starts the next job.
    using Finish = std::function<void()>;
    using Job = std::function<void(Status locked, Finish finish)>;

    explicit CatalogWriteQueue(CatalogFile file, QObject *parent = nullptr);
    ~CatalogWriteQueue() override;

    void enqueue(Job job);

private:
    void startNext();
    void attemptLock();
    void run(Status locked);

    CatalogFile m_file;
    QList<Job> m_jobs;
    bool m_running = false;
    quint64 m_generation = 0;
    std::unique_ptr<QLockFile> m_lock;
    QElapsedTimer m_waiting;
};

} // namespace secretdesk
