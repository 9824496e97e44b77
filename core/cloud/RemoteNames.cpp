#include "core/cloud/RemoteNames.h"

#include <QRegularExpression>

namespace secretdesk {

RemoteNames::RemoteNames(BackendKind backend, const QList<SecretRecord> &records)
    : m_backend(backend)
    , m_records(records)
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        // First claim wins; a second local name mapping to the same remote name is reported by the
        // sync as a collision.
        const QString remote = remoteNameOf(m_records.at(i));
        if (!m_byRemote.contains(remote))
            m_byRemote.insert(remote, i);
    }
}

QString RemoteNames::defaultRemoteName(BackendKind backend, const SecretName &name)
{
    if (backend == BackendKind::Prefect1)
        return name.toString();
    QString remote = name.toString().toLower();
    remote.replace(QLatin1Char('_'), QLatin1Char('-'));
    return remote;
}

Result<SecretName> RemoteNames::defaultLocalName(BackendKind backend, const QString &remoteName)
{
    QString local = remoteName;
    if (backend == BackendKind::Prefect2) {
        local = local.toUpper();
        local.replace(QLatin1Char('-'), QLatin1Char('_'));
    }
    auto name = SecretName::parse(local);
    if (!name) {
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("CLOUD010"),
            QStringLiteral("remote secret '%1' maps to '%2', which is not a valid secret name: %3")
                .arg(remoteName, local, name.error().message));
    }
    return name;
}

bool RemoteNames::isValidRemoteName(BackendKind backend, const QString &remoteName)
{
    if (remoteName.isEmpty())
        return false;
    if (backend == BackendKind::Prefect1)
        return true;
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9-]+$"));
    return allowed.match(remoteName).hasMatch();
}

QString RemoteNames::remoteNameOf(const SecretRecord &record) const
{
    // Remembered names exist because of Prefect 2/3's name rule; Prefect 1 always uses the local name,
    // even when the profile was linked to a Prefect 2 remote before.
    if (m_backend == BackendKind::Prefect2 && !record.remoteName.isEmpty())
        return record.remoteName;
    return defaultRemoteName(m_backend, record.name);
}

const SecretRecord *RemoteNames::recordFor(const QString &remoteName) const
{
    const auto it = m_byRemote.constFind(remoteName);
    return it == m_byRemote.cend() ? nullptr : &m_records.at(*it);
}

Result<SecretName> RemoteNames::localNameOf(const QString &remoteName) const
{
    if (const SecretRecord *record = recordFor(remoteName))
        return record->name;
    return defaultLocalName(m_backend, remoteName);
}

} // namespace secretdesk
