#pragma once

#include "core/model/Diagnostic.h"
#include "core/model/SecretName.h"
#include "core/model/SecretValue.h"

#include <QList>
#include <QString>

#include <optional>

namespace secretdesk {

// What an import does when a secret's name already exists in the profile.
enum class ImportConflict { Skip, Overwrite, Fail };
QString importConflictName(ImportConflict policy); // "skip", "overwrite", "fail"
std::optional<ImportConflict> importConflictFromName(const QString &name);

// One secret of an import plan: what was found, how it compares with the profile, and what the
// import will do with it. The value lives here in memory only; nothing in an item's text holds it.
struct ImportItem {
    enum class State {
        New,      // the profile has no secret of this name
        Same,     // it has one with the same value (found by ImportPlan::compareValues)
        Changed,  // it has one with another value (found by ImportPlan::compareValues)
        Conflict, // it has one whose value was not compared
        Invalid,  // nothing to import: the name or the value is refused (see diagnostics)
    };
    enum class Action { Write, Skip, Block };

    QString name; // as found in the source, case kept
    std::optional<SecretName> secretName;
    std::optional<SecretValue> value;
    QString kind;      // the default-secret kind its name or value implies, or empty
    QString origin;    // "config.toml" or the variable(s) that set it
    Location location; // file:line:column of its definition
    // Warnings first, then the errors that make it Invalid; the policy's refusal (IMPORT002) last.
    QList<Diagnostic> diagnostics;
    State state = State::New;
    Action action = Action::Write;

    static QString stateName(State state); // "new", "same", "changed", "conflict", "invalid"
    // The CLI's ACTION column: "new", "overwrite", "skip", "unchanged" or "blocked".
    QString actionName() const;
    bool exists() const
    {
        return state == State::Same || state == State::Changed || state == State::Conflict;
    }
};

} // namespace secretdesk
