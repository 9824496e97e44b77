#include "core/store/CatalogFile.h"

#include "core/store/StoreLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

#include <optional>

#include <sys/stat.h>

namespace secretdesk {

namespace {

Diagnostic ioError(const QString &file, const QString &code, const QString &message)
{
    Location where;
    where.file = file;
    return Diagnostic::error(Failure::Io, code, message, where);
}

// What identifies one version of the file without reading it.
struct FileIdentity {
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 mtimeSec = 0;
    qint64 mtimeNsec = 0;
    qint64 ctimeSec = 0;
    qint64 ctimeNsec = 0;
    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;
};

FileIdentity identityOf(const struct stat &st)
{
    FileIdentity id;
    id.device = static_cast<quint64>(st.st_dev);
    id.inode = static_cast<quint64>(st.st_ino);
    id.size = static_cast<qint64>(st.st_size);
#if defined(Q_OS_DARWIN)
    id.mtimeSec = st.st_mtimespec.tv_sec;
    id.mtimeNsec = st.st_mtimespec.tv_nsec;
    id.ctimeSec = st.st_ctimespec.tv_sec;
    id.ctimeNsec = st.st_ctimespec.tv_nsec;
#else
    id.mtimeSec = st.st_mtim.tv_sec;
    id.mtimeNsec = st.st_mtim.tv_nsec;
    id.ctimeSec = st.st_ctim.tv_sec;
    id.ctimeNsec = st.st_ctim.tv_nsec;
#endif
    return id;
}

std::optional<FileIdentity> statPath(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return identityOf(st);
}

} // namespace

struct CatalogFile::Cache {
    QMutex mutex;
    std::optional<FileIdentity> identity;
    QByteArray bytes;
    std::optional<Catalog> catalog;
    quint64 parses = 0;
};

QString CatalogFile::defaultPath()
{
    // The generic folder plus our own name, so the GUI and the CLI agree whatever their application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/secretdesk/catalog.json");
}

std::chrono::milliseconds CatalogFile::defaultLockTimeout()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("SECRETDESK_LOCK_TIMEOUT_MS", &ok);
    return std::chrono::milliseconds(ok && ms >= 0 ? ms : 10000);
}

CatalogFile::CatalogFile(QString path)
    : m_path(std::move(path))
    , m_lockTimeout(defaultLockTimeout())
    , m_cache(std::make_shared<Cache>())
{}

quint64 CatalogFile::parseCount() const
{
    QMutexLocker locker(&m_cache->mutex);
    return m_cache->parses;
}

Result<Catalog> CatalogFile::load() const
{
    const std::optional<FileIdentity> identity = statPath(m_path);
    if (!identity && !QFileInfo::exists(m_path))
        return Catalog();
    {
        QMutexLocker locker(&m_cache->mutex);
        if (identity && m_cache->identity == identity && m_cache->catalog)
            return *m_cache->catalog;
    }
    return readLocked();
}

Result<Catalog> CatalogFile::readLocked() const
{
    QFile file(m_path);
    if (!file.exists())
        return Catalog();
    if (!file.open(QIODevice::ReadOnly))
        return ioError(m_path, QStringLiteral("CATALOG010"),
                       QStringLiteral("cannot read the catalog: %1").arg(file.errorString()));
    // The identity of exactly the version read, even if the file is replaced meanwhile.
    struct stat st {};
    const bool statted = ::fstat(file.handle(), &st) == 0;
    const QByteArray bytes = file.readAll();
    QMutexLocker locker(&m_cache->mutex);
    if (m_cache->catalog && bytes == m_cache->bytes) {
        if (statted)
            m_cache->identity = identityOf(st);
        return *m_cache->catalog;
    }
    auto catalog = Catalog::fromJson(bytes, m_path);
    ++m_cache->parses;
    if (!catalog) {
        m_cache->identity.reset();
        m_cache->catalog.reset();
        return catalog;
    }
    m_cache->identity = statted ? std::optional<FileIdentity>(identityOf(st)) : std::nullopt;
    m_cache->bytes = bytes;
    m_cache->catalog = *catalog;
    return catalog;
}

std::unique_ptr<QLockFile> CatalogFile::lockFile(Diagnostic *error) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = ioError(m_path, QStringLiteral("CATALOG011"),
                         QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
        return nullptr;
    }
    auto lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    // A writer holds the lock for a whole operation (several keychain calls, each with its own
    // timeout); a crashed writer's lock is recognised at once by its dead process id.
    lock->setStaleLockTime(std::chrono::minutes(5));
    return lock;
}

Diagnostic CatalogFile::lockFailure(bool busy) const
{
    if (!busy)
        return ioError(m_path, QStringLiteral("CATALOG012"),
                       QStringLiteral("cannot create the catalog lock file"));
    Diagnostic d = ioError(m_path, QStringLiteral("CATALOG012"),
                           QStringLiteral("another Secretdesk process is changing the catalog (waited %1 s); "
                                          "nothing was changed, try again")
                               .arg(m_lockTimeout.count() / 1000.0));
    d.failure = Failure::Conflict;
    return d;
}

Status CatalogFile::update(const std::function<Status(Catalog &)> &change) const
{
    Diagnostic error;
    auto lock = lockFile(&error);
    if (!lock)
        return error;
    if (!lock->tryLock(m_lockTimeout))
        return lockFailure(lock->error() == QLockFile::LockFailedError);
    return updateLocked(change);
}

Status CatalogFile::updateLocked(const std::function<Status(Catalog &)> &change) const
{
    auto catalog = readLocked();
    if (!catalog)
        return catalog.error();
    if (Status changed = change(catalog.value()); !changed)
        return changed;
    return save(*catalog);
}

Status CatalogFile::save(const Catalog &catalog) const
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return ioError(m_path, QStringLiteral("CATALOG013"),
                       QStringLiteral("cannot write the catalog: %1").arg(file.errorString()));
    }
    // Names can be sensitive too: the catalog is private to its owner.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray json = catalog.toJson();
    if (file.write(json) != json.size() || !file.commit()) {
        return ioError(m_path, QStringLiteral("CATALOG013"),
                       QStringLiteral("cannot write the catalog: %1").arg(file.errorString()));
    }
    // Under the lock nobody else writes: what is on disk now is exactly `catalog`.
    QMutexLocker locker(&m_cache->mutex);
    m_cache->identity = statPath(m_path);
    m_cache->bytes = json;
    m_cache->catalog = catalog;
    qCDebug(lcStore) << "catalog saved:" << catalog.secretCount() << "secrets," << catalog.pending().size()
                     << "pending";
    return {};
}

} // namespace secretdesk
