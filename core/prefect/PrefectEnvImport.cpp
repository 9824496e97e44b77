#include "core/prefect/PrefectEnvImport.h"

#include "core/model/SecretName.h"
#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PrefectSecretImport.h"

#include <algorithm>
#include <map>

namespace secretdesk {

namespace {

Diagnostic entryNote(Severity severity, const QString &code, const QString &message, const Location &where)
{
    Diagnostic diagnostic = Diagnostic::error(Failure::InvalidInput, code, message, where);
    diagnostic.severity = severity;
    return diagnostic;
}

// Sets `leaf` at `path` inside a nested dict (Prefect's Config merging sibling variables).
PythonValue placeLeaf(const PythonValue &dict, const QStringList &path, const PythonValue &leaf)
{
    std::vector<PythonValue> items = dict.items();
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].text() == path.front()) {
            items[i + 1] = path.size() == 1
                               ? leaf
                               : placeLeaf(items[i + 1].isDict() ? items[i + 1] : PythonValue::dict({}),
                                           path.mid(1), leaf);
            return PythonValue::dict(std::move(items));
        }
    }
    items.push_back(PythonValue::str(path.front()));
    items.push_back(path.size() == 1 ? leaf : placeLeaf(PythonValue::dict({}), path.mid(1), leaf));
    return PythonValue::dict(std::move(items));
}

} // namespace

QList<EnvAssignment> PrefectEnvImport::fromEnvironment(const QProcessEnvironment &environment)
{
    QList<EnvAssignment> out;
    for (const QString &name : environment.keys()) {
        Location where;
        where.file = QStringLiteral("environment");
        out << EnvAssignment{name, environment.value(name), where};
    }
    return out;
}

std::optional<QStringList> PrefectEnvImport::secretPath(const QString &variable)
{
    static const QString prefix = QStringLiteral("PREFECT__");
    if (!variable.startsWith(prefix)) // Prefect compares the prefix as is
        return std::nullopt;
    const QString rest = variable.mid(prefix.size());
    if (!rest.contains(QStringLiteral("__")) ||
        !rest.toUpper().startsWith(QStringLiteral("CONTEXT__SECRETS")))
        return std::nullopt;
    QStringList parts = rest.split(QStringLiteral("__"));
    if (parts.at(1).toLower() != QStringLiteral("secrets")) // CONTEXT__SECRETSX: another table
        return std::nullopt;
    return parts.mid(2);
}

QList<PrefectSecretEntry> PrefectEnvImport::contextSecrets(const QList<EnvAssignment> &assignments,
                                                           const PrefectEnvironment &world)
{
    struct Leaf {
        QStringList path;
        const EnvAssignment *from;
    };
    QStringList order;
    std::map<QString, std::vector<Leaf>> leaves;
    QList<PrefectSecretEntry> broken;
    for (const EnvAssignment &assignment : assignments) {
        auto path = secretPath(assignment.name);
        if (!path)
            continue;
        if (path->isEmpty() || path->contains(QString())) {
            PrefectSecretEntry entry;
            entry.name = path->value(0);
            entry.origin = assignment.name;
            entry.location = assignment.location;
            entry.diagnostics
                << (path->isEmpty()
                        ? entryNote(Severity::Error, QStringLiteral("PREFECT050"),
                                    QStringLiteral("%1 replaces Prefect's whole secrets table")
                                        .arg(assignment.name),
                                    assignment.location)
                        : entryNote(Severity::Error, QStringLiteral("PREFECT051"),
                                    QStringLiteral("%1 has an empty part between `__`").arg(assignment.name),
                                    assignment.location));
            broken << entry;
            continue;
        }
        if (!order.contains(path->front()))
            order << path->front();
        leaves[path->front()].push_back(Leaf{*path, &assignment});
    }

    QList<PrefectSecretEntry> entries;
    for (const QString &name : order) {
        std::vector<Leaf> &set = leaves[name];
        PrefectSecretEntry entry;
        entry.name = name;
        entry.location = set.front().from->location;
        QStringList origins;
        // The last variable of a key path wins, as in Prefect's loop over os.environ.
        std::vector<Leaf> unique;
        for (const Leaf &leaf : set) {
            origins << leaf.from->name;
            auto same = std::find_if(unique.begin(), unique.end(),
                                     [&](const Leaf &l) { return l.path == leaf.path; });
            if (same != unique.end()) {
                entry.diagnostics << entryNote(
                    Severity::Warning, QStringLiteral("PREFECT052"),
                    QStringLiteral("%1 and %2 set the same key; the later one wins")
                        .arg(same->from->name, leaf.from->name),
                    leaf.from->location);
                *same = leaf;
            } else {
                unique.push_back(leaf);
            }
        }
        entry.origin = origins.join(QStringLiteral(", "));
        const bool flat =
            std::any_of(unique.begin(), unique.end(), [](const Leaf &l) { return l.path.size() == 1; });
        if (flat && unique.size() > 1) {
            entry.diagnostics << entryNote(
                Severity::Error, QStringLiteral("PREFECT053"),
                QStringLiteral("secret '%1' is set both as a value and as a table: "
                               "what Prefect keeps depends on variable order")
                    .arg(name),
                entry.location);
            entries << entry;
            continue;
        }
        if (flat) {
            PrefectSecretImport::settle(entry,
                                        PrefectCodec::decodeEnv(unique.front().from->value.toUtf8(), world));
            entries << entry;
            continue;
        }
        PythonValue table = PythonValue::dict({});
        std::optional<Diagnostic> failure;
        for (const Leaf &leaf : unique) {
            auto reading = PrefectCodec::decodeEnv(leaf.from->value.toUtf8(), world);
            if (!reading) {
                failure = reading.error();
                failure->location = leaf.from->location;
                break;
            }
            table = placeLeaf(table, leaf.path.mid(1), reading.value().context);
        }
        if (failure) {
            PrefectSecretImport::settle(entry, *failure);
        } else {
            PrefectReading reading;
            reading.context = table;
            reading.secretGet = table; // json.loads only touches strings
            PrefectSecretImport::settle(entry, reading);
        }
        entries << entry;
    }
    return broken + entries;
}

QList<PrefectSecretEntry> PrefectEnvImport::plainVariables(const QList<EnvAssignment> &assignments,
                                                           const QStringList &names)
{
    QList<PrefectSecretEntry> entries;
    for (const QString &name : names) {
        PrefectSecretEntry entry;
        entry.name = name;
        entry.origin = name;
        const EnvAssignment *found = nullptr;
        for (const EnvAssignment &assignment : assignments) {
            if (assignment.name == name)
                found = &assignment; // the last one wins, as when a shell or dotenv sets it twice
        }
        if (!found) {
            Diagnostic missing = Diagnostic::error(Failure::NotFound, QStringLiteral("PREFECT054"),
                                                   QStringLiteral("variable %1 is not set").arg(name));
            entry.diagnostics << missing;
            entries << entry;
            continue;
        }
        entry.location = found->location;
        auto checked = SecretName::parse(name);
        if (!checked) {
            Diagnostic refused = checked.error();
            refused.location = found->location;
            entry.diagnostics << refused;
        } else {
            PrefectReading reading; // EnvVarSecret returns the text itself
            reading.context = PythonValue::str(found->value);
            reading.secretGet = reading.context;
            entry.reading = reading;
            entry.value = SecretValue::fromString(found->value);
        }
        entries << entry;
    }
    return entries;
}

} // namespace secretdesk
