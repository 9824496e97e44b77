#include "core/importing/ImportRun.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace secretdesk {

ImportRun::ImportRun(SecretStore *store, ImportPlan plan, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_plan(std::move(plan))
{
    m_saveStep = [this](const SecretChange &change, QObject *context, SecretStore::RecordDone done) {
        m_store->save(m_plan.profile(), change, context, std::move(done));
    };
    const QList<ImportItem> &items = m_plan.items();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).action != ImportItem::Action::Write)
            continue;
        m_writes.append(i);
        if (!undoFor(*items.at(i).secretName))
            m_undo.append(Undo{*items.at(i).secretName, std::nullopt, std::nullopt});
    }
    m_outcome.total = int(m_writes.size());
}

ImportRun::~ImportRun() = default;

ImportRun::Undo *ImportRun::undoFor(const SecretName &name)
{
    for (Undo &u : m_undo) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

void ImportRun::start(Finished done)
{
    m_done = std::move(done);
    // Queued so that `done` never runs inside start(), whatever the plan holds.
    QTimer::singleShot(0, this, [this] {
        if (!m_plan.blocked())
            return snapshotNext(0);
        fail(Diagnostic::error(Failure::InvalidInput, QStringLiteral("IMPORT003"),
                               QStringLiteral("nothing imported: %1 secrets have problems")
                                   .arg(m_plan.count(ImportItem::Action::Block))));
    });
}

// Before any write: remember what every name to be written holds now, so a failure can put it back.
void ImportRun::snapshotNext(qsizetype index)
{
    if (index == m_undo.size()) {
        emit progress(0, m_outcome.total);
        return writeNext(0);
    }
    Undo &undo = m_undo[index];
    auto existing = m_store->record(m_plan.profile(), undo.name);
    if (!existing && existing.error().failure != Failure::NotFound)
        return fail(existing.error());
    const auto item = std::find_if(m_plan.items().cbegin(), m_plan.items().cend(),
                                   [&](const ImportItem &i) { return i.secretName == undo.name; });
    if (bool(existing) != item->exists()) {
        return fail(Diagnostic::error(
            Failure::Conflict, QStringLiteral("IMPORT005"),
            QStringLiteral("'%1' was %2 in profile '%3' since the plan was made; nothing imported")
                .arg(undo.name.toString(), existing ? QStringLiteral("added") : QStringLiteral("removed"),
                     m_plan.profile().toString()),
            item->location));
    }
    if (!existing)
        return snapshotNext(index + 1);
    undo.record = *existing;
    m_store->readValue(m_plan.profile(), undo.name, this, [this, index](Result<SecretValue> value) {
        if (!value)
            return fail(value.error());
        m_undo[index].value = *value;
        snapshotNext(index + 1);
    });
}

void ImportRun::writeNext(qsizetype index)
{
    if (index == m_writes.size()) {
        m_outcome.written = m_outcome.total;
        return finish();
    }
    const ImportItem &item = m_plan.items().at(m_writes.at(index));
    SecretChange change{*item.secretName, *item.value};
    if (m_recordKinds && item.state == ImportItem::State::New && !item.kind.isEmpty())
        change.kind = item.kind;
    m_saveStep(change, this, [this, index](Result<SecretRecord> saved) {
        const ImportItem &written = m_plan.items().at(m_writes.at(index));
        // A failed save leaves its own name as it was; only earlier writes need undoing.
        if (!saved)
            return fail(saved.error());
        undoFor(*written.secretName)->written = true;
        m_outcome.reached = int(index) + 1;
        emit progress(m_outcome.reached, m_outcome.total);
        writeNext(index + 1);
    });
}

void ImportRun::fail(const Diagnostic &why)
{
    m_outcome.failure = why;
    m_outcome.written = 0;
    if (!m_done)
        return;
    undoNext(m_undo.size() - 1);
}

// Undo in reverse write order; an undo that fails is reported, and the others still run.
void ImportRun::undoNext(qsizetype index)
{
    while (index >= 0 && !m_undo.at(index).written)
        --index;
    if (index < 0)
        return finish();
    const Undo &undo = m_undo.at(index);
    auto next = [this, index](const Status &undone) {
        if (!undone && !m_outcome.rollbackFailure)
            m_outcome.rollbackFailure = undone.error();
        undoNext(index - 1);
    };
    if (!undo.record)
        return m_store->remove(m_plan.profile(), undo.name, this, next);
    SecretChange change{undo.name, *undo.value};
    change.kind = undo.record->kind;
    change.note = undo.record->note;
    change.target = undo.record->target;
    change.remoteName = undo.record->remoteName;
    m_store->save(m_plan.profile(), change, this, [next](Result<SecretRecord> restored) {
        next(restored ? Status() : Status(restored.error()));
    });
}

void ImportRun::finish()
{
    if (Finished done = std::exchange(m_done, nullptr))
        done(m_outcome);
}

} // namespace secretdesk
