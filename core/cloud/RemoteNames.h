#pragma once

#include "core/cloud/CloudLink.h"
#include "core/model/SecretRecord.h"

#include <QHash>
#include <QList>

namespace secretdesk {

// How local secret names map to names at the remote. Prefect 1 keeps names as they are; Prefect 2/3
// block names allow only [a-z0-9-], so AWS_CREDENTIALS <-> aws-credentials (lower-cased, '_' <-> '-').
// For Prefect 2/3 a name remembered in the catalog (SecretRecord::remoteName) wins over the rule.
class RemoteNames {
public:
    RemoteNames(BackendKind backend, const QList<SecretRecord> &records);

    static QString defaultRemoteName(BackendKind backend, const SecretName &name);
    // The reverse rule for a remote name no local secret claims.
    static Result<SecretName> defaultLocalName(BackendKind backend, const QString &remoteName);
    static bool isValidRemoteName(BackendKind backend, const QString &remoteName);

    QString remoteNameOf(const SecretRecord &record) const;
    // The local secret that maps to `remoteName`, or the reverse rule's name for a new one.
    Result<SecretName> localNameOf(const QString &remoteName) const;
    // The record mapped to `remoteName`, if any.
    const SecretRecord *recordFor(const QString &remoteName) const;

private:
    BackendKind m_backend;
    QList<SecretRecord> m_records;
    QHash<QString, qsizetype> m_byRemote;
};

} // namespace secretdesk
