#pragma once

#include "core/model/SecretRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace secretdesk {

// A write-ahead note in the catalog: "this process is about to change these keychain items". It is
// saved before the keychain is touched and cleared by the same catalog write that commits the
// change, so a process killed in between leaves it behind for `doctor` to resolve. Names only,
// never a value.
struct PendingIntent {
    enum class Op { Set, Delete, Rename };

    QString id; // random, unique among the pending intents
    Op op = Op::Set;
    ProfileName profile = ProfileName::defaultProfile();
    SecretName name;                                    // the secret set or deleted; the old name of a rename
    std::optional<SecretName> newName;                  // rename only
    SecretValue::Type type = SecretValue::Type::String; // the value's type (set) or the record's (rename)
    qint64 pid = 0;
    QDateTime started;

    static PendingIntent make(Op op, const ProfileName &profile, const SecretName &name);
    static QString opName(Op op);
    // "set default/TOKEN", "rename default/A -> B": for messages and log lines.
    QString describe() const;

    QJsonObject toJson() const;
    // Empty when the entry is malformed (a damaged entry is dropped rather than failing the load).
    static std::optional<PendingIntent> fromJson(const QJsonObject &json);
};

} // namespace secretdesk
