#pragma once

#include "core/store/SecretStore.h"

#include <QHash>

namespace secretdesk {

// Local side of a sync: reads many values one after another (the keychain serialises jobs anyway),
// and writes a pull as one unit: when a write fails, the ones before it are undone.
class LocalValues {
public:
    struct Read {
        QHash<QString, SecretValue> values;
        QHash<QString, Diagnostic> errors;
    };
    using ReadDone = std::function<void(Read)>;

    struct Write {
        SecretChange change;
        std::optional<SecretValue> previous; // empty for a new secret
    };
    // On failure: the name that failed, its error, and whether every earlier write was undone.
    struct WriteFailure {
        QString name;
        Diagnostic error;
        bool rolledBack = true;
    };
    using WriteDone = std::function<void(std::optional<WriteFailure>)>;

    // `stepped` runs after each secret; once `cancelled` says so, a read reports the names it did
    // not reach as cancelled and a write stops and undoes what it wrote.
    struct Hooks {
        std::function<void()> stepped;
        std::function<bool()> cancelled;
    };

    static void read(SecretStore *store, const ProfileName &profile, const QList<SecretName> &names,
                     QObject *context, ReadDone done, Hooks hooks = {});
    static void writeAll(SecretStore *store, const ProfileName &profile, QList<Write> writes,
                         QObject *context, WriteDone done, Hooks hooks = {});
};

} // namespace secretdesk
