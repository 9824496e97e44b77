#include "core/importing/ImportItem.h"

namespace secretdesk {

QString importConflictName(ImportConflict policy)
{
    switch (policy) {
    case ImportConflict::Skip:
        return QStringLiteral("skip");
    case ImportConflict::Overwrite:
        return QStringLiteral("overwrite");
    case ImportConflict::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

std::optional<ImportConflict> importConflictFromName(const QString &name)
{
    for (ImportConflict p : {ImportConflict::Skip, ImportConflict::Overwrite, ImportConflict::Fail}) {
        if (name == importConflictName(p))
            return p;
    }
    return std::nullopt;
}

QString ImportItem::stateName(State state)
{
    switch (state) {
    case State::New:
        return QStringLiteral("new");
    case State::Same:
        return QStringLiteral("same");
    case State::Changed:
        return QStringLiteral("changed");
    case State::Conflict:
        return QStringLiteral("conflict");
    case State::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

QString ImportItem::actionName() const
{
    switch (action) {
    case Action::Block:
        return QStringLiteral("blocked");
    case Action::Skip:
        return state == State::Same ? QStringLiteral("unchanged") : QStringLiteral("skip");
    case Action::Write:
        return state == State::New ? QStringLiteral("new") : QStringLiteral("overwrite");
    }
    return {};
}

} // namespace secretdesk
