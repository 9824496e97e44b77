#pragma once

#include "core/importing/ImportItem.h"
#include "core/prefect/PrefectSecretEntry.h"

#include <QList>

#include <functional>

class QObject;

namespace secretdesk {

class SecretStore;

// What an import would do to one profile, decided before anything is written: one item per secret
// found, its state against the profile and the action the conflict policy gives it. Names are
// validated (their diagnostics point at the definition's file:line:column). Values stay in the items,
// in memory; no diagnostic or name carries one.
// Codes: IMPORT002 a name exists and the policy is Fail; IMPORT004 a stored value could not be
// read for comparison (warning; the item stays a Conflict).
class ImportPlan {
public:
    ImportPlan(const ProfileName &profile, ImportConflict policy);

    // Items for `entries` against the profile's catalog (no keychain access): existing names are
    // Conflicts until compareValues() looks at their values.
    static ImportPlan build(const QList<PrefectSecretEntry> &entries, const SecretStore &store,
                            const ProfileName &profile, ImportConflict policy);

    // Reads the stored value of every Conflict and makes it Same or Changed, then calls `done` with
    // the refined plan (unless `context` is gone). A Same item is never written.
    using Compared = std::function<void(ImportPlan)>;
    static void compareValues(ImportPlan plan, SecretStore *store, QObject *context, Compared done);

    // Records the stored value of a Conflict item: Same or Changed, or an IMPORT004 warning when it
    // could not be read. Call setPolicy() afterwards to decide its action.
    void resolve(qsizetype index, const Result<SecretValue> &stored);

    void setPolicy(ImportConflict policy);
    ImportConflict policy() const { return m_policy; }
    const ProfileName &profile() const { return m_profile; }
    const QList<ImportItem> &items() const { return m_items; }

    // Every item's diagnostics, item by item, in the order found.
    QList<Diagnostic> diagnostics() const;
    // True when any item is blocked: applying the plan then writes nothing.
    bool blocked() const;
    int count(ImportItem::Action action) const;
    int count(ImportItem::State state) const;

private:
    void decide(ImportItem &item) const;

    ProfileName m_profile;
    ImportConflict m_policy;
    QList<ImportItem> m_items;
};

} // namespace secretdesk
