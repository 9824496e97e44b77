#pragma once

#include "core/model/SecretName.h"
#include "core/model/SecretValue.h"

#include <QDateTime>
#include <QString>

namespace secretdesk {

// Where an export puts a secret for Prefect: the local context
// (PREFECT__CONTEXT__SECRETS__NAME), a plain variable NAME for EnvVarSecret, or both.
enum class ExportTarget { Context, Plain, Both };
QString exportTargetName(ExportTarget target);
Result<ExportTarget> exportTargetFromName(const QString &name);

// What the catalog knows about a secret: everything but its value.
struct SecretRecord {
    SecretName name;
    SecretValue::Type type = SecretValue::Type::String;
    QString kind; // a default-secret kind such as "GCP_CREDENTIALS", or empty
    QString note;
    ExportTarget target = ExportTarget::Context;
    QString remoteName; // the name at the linked remote, when it differs from the default mapping
    QDateTime created;
    QDateTime updated;
};

} // namespace secretdesk
