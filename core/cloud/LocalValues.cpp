#include "core/cloud/LocalValues.h"

#include "core/cloud/Cancellation.h"

#include <memory>

namespace secretdesk {

namespace {
struct ReadState {
    SecretStore *store;
    ProfileName profile;
    QList<SecretName> names;
    qsizetype next = 0;
    LocalValues::Read result;
    LocalValues::ReadDone done;
    LocalValues::Hooks hooks;
};

bool isCancelled(const LocalValues::Hooks &hooks)
{
    return hooks.cancelled && hooks.cancelled();
}

void readNext(const std::shared_ptr<ReadState> &state, QObject *context)
{
    if (isCancelled(state->hooks)) {
        for (; state->next < state->names.size(); ++state->next) {
            const QString name = state->names.at(state->next).toString();
            state->result.errors.insert(name, cancelledError(QStringLiteral("reading '%1'").arg(name)));
        }
    }
    if (state->next == state->names.size())
        return state->done(std::move(state->result));
    const SecretName name = state->names.at(state->next++);
    state->store->readValue(state->profile, name, context, [state, name, context](Result<SecretValue> value) {
        if (value)
            state->result.values.insert(name.toString(), *value);
        else
            state->result.errors.insert(name.toString(), value.error());
        if (state->hooks.stepped)
            state->hooks.stepped();
        readNext(state, context);
    });
}

struct WriteState {
    SecretStore *store;
    ProfileName profile;
    QList<LocalValues::Write> writes;
    qsizetype next = 0;
    std::optional<LocalValues::WriteFailure> failure;
    LocalValues::WriteDone done;
    LocalValues::Hooks hooks;
};

void undo(const std::shared_ptr<WriteState> &state, QObject *context)
{
    if (state->next == 0)
        return state->done(state->failure);
    const LocalValues::Write &write = state->writes.at(--state->next);
    auto after = [state, context](Status status) {
        if (!status)
            state->failure->rolledBack = false;
        undo(state, context);
    };
    if (write.previous) {
        SecretChange restore{write.change.name, *write.previous};
        state->store->save(state->profile, restore, context, [after](Result<SecretRecord> saved) {
            after(saved ? Status::success() : Status(saved.error()));
        });
    } else {
        state->store->remove(state->profile, write.change.name, context, after);
    }
}

void writeNext(const std::shared_ptr<WriteState> &state, QObject *context)
{
    if (state->next == state->writes.size())
        return state->done(std::nullopt);
    if (isCancelled(state->hooks)) {
        const QString name = state->writes.at(state->next).change.name.toString();
        state->failure =
            LocalValues::WriteFailure{name, cancelledError(QStringLiteral("writing '%1'").arg(name)), true};
        return undo(state, context);
    }
    const LocalValues::Write &write = state->writes.at(state->next);
    state->store->save(state->profile, write.change, context, [state, context](Result<SecretRecord> saved) {
        if (saved) {
            ++state->next;
            if (state->hooks.stepped)
                state->hooks.stepped();
            return writeNext(state, context);
        }
        state->failure = LocalValues::WriteFailure{state->writes.at(state->next).change.name.toString(),
                                                   saved.error(), true};
        undo(state, context);
    });
}
} // namespace

void LocalValues::read(SecretStore *store, const ProfileName &profile, const QList<SecretName> &names,
                       QObject *context, ReadDone done, Hooks hooks)
{
    auto state = std::make_shared<ReadState>(
        ReadState{store, profile, names, 0, {}, std::move(done), std::move(hooks)});
    readNext(state, context);
}

void LocalValues::writeAll(SecretStore *store, const ProfileName &profile, QList<Write> writes,
                           QObject *context, WriteDone done, Hooks hooks)
{
    auto state = std::make_shared<WriteState>(
        WriteState{store, profile, std::move(writes), 0, std::nullopt, std::move(done), std::move(hooks)});
    writeNext(state, context);
}

} // namespace secretdesk
