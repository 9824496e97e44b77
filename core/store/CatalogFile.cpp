#include "core/store/CatalogFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace secretdesk {

namespace {
Diagnostic ioError(const QString &file, const QString &code, const QString &message)
{
    Location where;
    where.file = file;
    return Diagnostic::error(Failure::Io, code, message, where);
}
} // namespace

QString CatalogFile::defaultPath()
{
    // The generic folder plus our own name, so the GUI and the CLI agree whatever their application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/secretdesk/catalog.json");
}

CatalogFile::CatalogFile(QString path)
    : m_path(std::move(path))
{}

Result<Catalog> CatalogFile::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return Catalog();
    if (!file.open(QIODevice::ReadOnly))
        return ioError(m_path, QStringLiteral("CATALOG010"),
                       QStringLiteral("cannot read the catalog: %1").arg(file.errorString()));
    return Catalog::fromJson(file.readAll(), m_path);
}

Status CatalogFile::update(const std::function<Status(Catalog &)> &change) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return ioError(m_path, QStringLiteral("CATALOG011"),
                       QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
    }
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(std::chrono::seconds(30));
    if (!lock.tryLock(m_lockTimeout)) {
        return ioError(m_path, QStringLiteral("CATALOG012"),
                       lock.error() == QLockFile::LockFailedError
                           ? QStringLiteral("another Secretdesk process is changing the catalog; try again")
                           : QStringLiteral("cannot create the catalog lock file"));
    }
    auto catalog = load();
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
    return {};
}

} // namespace secretdesk
