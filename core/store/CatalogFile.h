#pragma once

#include "core/store/Catalog.h"

#include <chrono>
#include <functional>

namespace secretdesk {

// The catalog on disk: versioned JSON, replaced atomically (QSaveFile), and changed only under a
// lock file so that two processes never lose each other's updates.
class CatalogFile {
public:
    // <app data>/secretdesk/catalog.json; XDG_DATA_HOME relocates it.
    static QString defaultPath();

    explicit CatalogFile(QString path = defaultPath());
    const QString &path() const { return m_path; }
    void setLockTimeout(std::chrono::milliseconds timeout) { m_lockTimeout = timeout; }

    // A missing file reads as an empty catalog; a corrupt one is an error naming file, line and column,
    // and is never overwritten.
    Result<Catalog> load() const;
    // Locks, re-reads, applies `change` and saves; nothing is written when `change` fails.
    Status update(const std::function<Status(Catalog &)> &change) const;

private:
    Status save(const Catalog &catalog) const;

    QString m_path;
    std::chrono::milliseconds m_lockTimeout{10000};
};

} // namespace secretdesk
