#include "core/store/StoreProblem.h"

namespace secretdesk {

QString StoreProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Interrupted:
        return QStringLiteral("interrupted");
    case Kind::Orphan:
        return QStringLiteral("orphan");
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    case Kind::MissingValue:
        return QStringLiteral("missing-value");
    case Kind::TypeMismatch:
        return QStringLiteral("type-mismatch");
    }
    return QStringLiteral("interrupted");
}

QString StoreProblem::fixText() const
{
    switch (fix) {
    case Fix::ClearIntent:
        return QStringLiteral("clear the pending intent");
    case Fix::Adopt:
        return QStringLiteral("adopt it into the catalog as %1").arg(SecretValue::typeName(type));
    case Fix::Discard:
        return QStringLiteral("delete the value from the keychain (--discard)");
    case Fix::RemoveDuplicate:
        return QStringLiteral("remove the leftover copy from the keychain");
    case Fix::RemoveEntry:
        return QStringLiteral("remove the catalog entry (there is no value to keep)");
    case Fix::FinishRename:
        return QStringLiteral("finish the rename to %1").arg(renamedTo ? renamedTo->toString() : QString());
    case Fix::SetType:
        return QStringLiteral("record its type as %1").arg(SecretValue::typeName(type));
    }
    return {};
}

} // namespace secretdesk
