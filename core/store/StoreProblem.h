#pragma once

#include "core/model/SecretRecord.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace secretdesk {

// One disagreement between the catalog and the keychain, found by SecretStore::check(), and what
// SecretStore::repair() does about it.
struct StoreProblem {
    enum class Kind {
        Interrupted, // a pending intent whose writer died (always listed; repair clears it)
        Orphan,    // a value in the keychain with no catalog entry (repair adopts it, or discards on request)
        Duplicate, // a byte-for-byte copy an interrupted rename left under the other name (repair removes it)
        MissingValue, // a catalog entry whose value is gone (repair drops the entry, or finishes the rename)
        TypeMismatch, // the value does not parse as the catalog's type (repair records the type it has)
    };
    enum class Fix { ClearIntent, Adopt, Discard, RemoveDuplicate, RemoveEntry, FinishRename, SetType };

    Kind kind = Kind::Interrupted;
    Fix fix = Fix::ClearIntent;
    ProfileName profile = ProfileName::defaultProfile();
    SecretName name;
    std::optional<SecretName> renamedTo;                // FinishRename: the name the record moves to
    SecretValue::Type type = SecretValue::Type::String; // Adopt and SetType: the type the value has
    QString detail;                                     // one line for people; names only, never a value

    static QString kindName(Kind kind); // "orphan", "missing-value", ...
    QString fixText() const;            // what repair does (or did), e.g. "adopted into the catalog"
};

// What SecretStore::repair() may do beyond the safe default fixes.
struct RepairOptions {
    // Orphans to delete from the keychain instead of adopting them (only what check() lists as orphans).
    QList<QPair<ProfileName, SecretName>> discard;
    // The kind recorded for an adopted orphan (e.g. detected from its value); may be empty.
    std::function<QString(const SecretName &, const SecretValue &)> kindOf;
};

} // namespace secretdesk
