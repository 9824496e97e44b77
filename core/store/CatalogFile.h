#pragma once

#include "core/store/Catalog.h"

#include <chrono>
#include <functional>
#include <memory>

class QLockFile;

namespace secretdesk {

// The catalog on disk: versioned JSON, replaced atomically (QSaveFile), and changed only under a
// lock file so that two processes never lose each other's updates.
//
// Reads are cached: the parsed catalog is kept with the file's identity (inode, size, mtime and
// ctime to the nanosecond), and a read whose stat() still matches skips reading and parsing. Every
// replacement gets a new inode (QSaveFile renames a new file over the old one while the old one
// still holds its inode), so another process's write is always seen. Copies share the cache.
class CatalogFile {
public:
    // <app data>/secretdesk/catalog.json; XDG_DATA_HOME relocates it.
    static QString defaultPath();
    // 10 s, or $SECRETDESK_LOCK_TIMEOUT_MS.
    static std::chrono::milliseconds defaultLockTimeout();

    explicit CatalogFile(QString path = defaultPath());
    const QString &path() const { return m_path; }
    void setLockTimeout(std::chrono::milliseconds timeout) { m_lockTimeout = timeout; }
    std::chrono::milliseconds lockTimeout() const { return m_lockTimeout; }

    // A missing file reads as an empty catalog; a corrupt one is an error naming file, line and column,
    // and is never overwritten.
    Result<Catalog> load() const;
    // Locks (waiting up to lockTimeout()), re-reads, applies `change` and saves; nothing is written
    // when `change` fails. It blocks the event loop, so while a SecretStore write of this same process
    // holds the lock (from its intent to its commit) it fails after lockTimeout(): call it between
    // store writes.
    Status update(const std::function<Status(Catalog &)> &change) const;
    // The same for a caller that already holds lockFile(); reads the file again (the bytes are
    // compared with the cached ones, so an unchanged file is not parsed again).
    Status updateLocked(const std::function<Status(Catalog &)> &change) const;

    // The lock file guarding writes, not yet locked (creates the folder). Null with `error` set when
    // the folder cannot be created.
    std::unique_ptr<QLockFile> lockFile(Diagnostic *error) const;
    // The diagnostic for a lock that could not be taken in lockTimeout().
    Diagnostic lockFailure(bool busy) const;

    // How often this file (and its copies) parsed the catalog: for tests and benchmarks.
    quint64 parseCount() const;

private:
    Result<Catalog> readLocked() const;
    Status save(const Catalog &catalog) const;

    struct Cache;
    QString m_path;
    std::chrono::milliseconds m_lockTimeout;
    std::shared_ptr<Cache> m_cache;
};

} // namespace secretdesk
