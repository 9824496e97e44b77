#pragma once

#include "core/importing/ImportPlan.h"
#include "core/store/SecretStore.h"

#include <QObject>

#include <functional>
#include <optional>

namespace secretdesk {

// How an import ended.
struct ImportOutcome {
    int written = 0; // secrets written and kept
    int total = 0;   // writes the plan asked for
    int reached = 0; // writes that had succeeded when a failure stopped the run (all undone)
    std::optional<Diagnostic> failure;         // why nothing was imported
    std::optional<Diagnostic> rollbackFailure; // an undo that failed too: the profile may be partly changed
    bool ok() const { return !failure; }
};

// Applies an ImportPlan through SecretStore, all or nothing: the stored values of names it will
// overwrite are read first, the writes go one at a time with progress, and when one fails every
// earlier write is undone (new names removed, overwritten ones given back their value and metadata)
// before the outcome is reported. A blocked plan writes nothing (IMPORT003).
// Codes: IMPORT003 the plan has blocked items; IMPORT005 a secret changed in the store after planning.
class ImportRun : public QObject {
    Q_OBJECT
public:
    using Finished = std::function<void(ImportOutcome)>;
    // One store write; tests replace it to make a write fail midway.
    using SaveStep =
        std::function<void(const SecretChange &change, QObject *context, SecretStore::RecordDone done)>;

    ImportRun(SecretStore *store, ImportPlan plan, QObject *parent = nullptr);
    ~ImportRun() override;

    // Also stores each secret's detected kind (new secrets only; existing ones keep theirs).
    void setRecordKinds(bool record) { m_recordKinds = record; }
    void setSaveStep(SaveStep step) { m_saveStep = std::move(step); }

    // Starts the run; `done` is called once, through this object's event loop, unless it is deleted.
    void start(Finished done);

signals:
    void progress(int done, int total);

private:
    // What a name held before the run wrote it.
    struct Undo {
        SecretName name;
        std::optional<SecretRecord> record; // absent: the name was new
        std::optional<SecretValue> value;
        bool written = false;
    };
    Undo *undoFor(const SecretName &name);
    void snapshotNext(qsizetype index);
    void writeNext(qsizetype index);
    void fail(const Diagnostic &why);
    void undoNext(qsizetype index);
    void finish();

    SecretStore *m_store;
    ImportPlan m_plan;
    QList<qsizetype> m_writes; // plan item indexes to write, in order
    QList<Undo> m_undo;        // one per distinct name written, in write order
    SaveStep m_saveStep;
    Finished m_done;
    ImportOutcome m_outcome;
    bool m_recordKinds = false;
};

} // namespace secretdesk
