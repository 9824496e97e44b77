#include "core/importing/ImportPlan.h"

#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"

#include <QPointer>

#include <algorithm>
#include <memory>

namespace secretdesk {

namespace {
const QString ConflictCode = QStringLiteral("IMPORT002");

ImportItem itemFor(const PrefectSecretEntry &entry, const SecretStore &store, const ProfileName &profile,
                   const ValidatorRegistry &registry)
{
    ImportItem item;
    item.name = entry.name;
    item.origin = entry.origin;
    item.location = entry.location;
    for (const Diagnostic &d : entry.diagnostics) {
        if (d.severity != Severity::Error)
            item.diagnostics.append(d);
    }
    auto name = SecretName::parse(entry.name);
    if (!entry.importable() || !name) {
        item.state = ImportItem::State::Invalid;
        for (const Diagnostic &d : entry.diagnostics) {
            if (d.severity == Severity::Error)
                item.diagnostics.append(d);
        }
        if (!name) {
            Diagnostic d = name.error();
            d.location = entry.location;
            item.diagnostics.append(d);
        }
        return item;
    }
    item.secretName = *name;
    item.value = *entry.value;
    item.kind = registry.kindForName(entry.name);
    if (item.kind.isEmpty())
        item.kind = registry.detectKind(entry.value->utf8());
    item.state = store.record(profile, *name) ? ImportItem::State::Conflict : ImportItem::State::New;
    return item;
}

struct Comparison {
    ImportPlan plan;
    SecretStore *store;
    QPointer<QObject> context;
    ImportPlan::Compared done;
    qsizetype next = 0;
    // Once the keychain is unreachable, the other reads would each wait for its timeout too.
    std::optional<Diagnostic> unavailable;
};

void compareNext(const std::shared_ptr<Comparison> &c)
{
    if (!c->context)
        return;
    const QList<ImportItem> &items = c->plan.items();
    for (; c->next < items.size(); ++c->next) {
        if (items.at(c->next).state != ImportItem::State::Conflict)
            continue;
        if (!c->unavailable)
            break;
        c->plan.resolve(c->next, *c->unavailable);
    }
    if (c->next == items.size()) {
        c->plan.setPolicy(c->plan.policy());
        return c->done(std::move(c->plan));
    }
    const SecretName name = *items.at(c->next).secretName;
    c->store->readValue(c->plan.profile(), name, c->context, [c](Result<SecretValue> stored) {
        if (!stored && stored.error().failure == Failure::KeychainUnavailable)
            c->unavailable = stored.error();
        c->plan.resolve(c->next, stored);
        ++c->next;
        compareNext(c);
    });
}
} // namespace

ImportPlan::ImportPlan(const ProfileName &profile, ImportConflict policy)
    : m_profile(profile)
    , m_policy(policy)
{}

ImportPlan ImportPlan::build(const QList<PrefectSecretEntry> &entries, const SecretStore &store,
                             const ProfileName &profile, ImportConflict policy)
{
    ImportPlan plan(profile, policy);
    const ValidatorRegistry registry;
    for (const PrefectSecretEntry &entry : entries)
        plan.m_items.append(itemFor(entry, store, profile, registry));
    plan.setPolicy(policy);
    return plan;
}

void ImportPlan::compareValues(ImportPlan plan, SecretStore *store, QObject *context, Compared done)
{
    compareNext(std::make_shared<Comparison>(Comparison{std::move(plan), store, context, std::move(done)}));
}

void ImportPlan::resolve(qsizetype index, const Result<SecretValue> &stored)
{
    ImportItem &item = m_items[index];
    if (stored) {
        item.state = *stored == *item.value ? ImportItem::State::Same : ImportItem::State::Changed;
        return;
    }
    Diagnostic d = stored.error();
    d.severity = Severity::Warning;
    d.code = QStringLiteral("IMPORT004");
    d.message = QStringLiteral("cannot compare '%1' with the stored value: %2")
                    .arg(item.name, stored.error().message);
    d.location = item.location;
    item.diagnostics.append(d);
}

void ImportPlan::setPolicy(ImportConflict policy)
{
    m_policy = policy;
    for (ImportItem &item : m_items)
        decide(item);
}

void ImportPlan::decide(ImportItem &item) const
{
    item.diagnostics.removeIf([](const Diagnostic &d) { return d.code == ConflictCode; });
    switch (item.state) {
    case ImportItem::State::Invalid:
        item.action = ImportItem::Action::Block;
        return;
    case ImportItem::State::New:
        item.action = ImportItem::Action::Write;
        return;
    case ImportItem::State::Same:
        item.action = ImportItem::Action::Skip;
        return;
    case ImportItem::State::Changed:
    case ImportItem::State::Conflict:
        break;
    }
    if (m_policy == ImportConflict::Skip) {
        item.action = ImportItem::Action::Skip;
    } else if (m_policy == ImportConflict::Overwrite) {
        item.action = ImportItem::Action::Write;
    } else {
        item.action = ImportItem::Action::Block;
        item.diagnostics.append(Diagnostic::error(
            Failure::Conflict, ConflictCode,
            QStringLiteral("'%1' already exists in profile '%2' (use --on-conflict skip or overwrite)")
                .arg(item.name, m_profile.toString()),
            item.location));
    }
}

QList<Diagnostic> ImportPlan::diagnostics() const
{
    QList<Diagnostic> all;
    for (const ImportItem &item : m_items)
        all += item.diagnostics;
    return all;
}

bool ImportPlan::blocked() const
{
    return count(ImportItem::Action::Block) > 0;
}

int ImportPlan::count(ImportItem::Action action) const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [action](const ImportItem &i) { return i.action == action; }));
}

int ImportPlan::count(ImportItem::State state) const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [state](const ImportItem &i) { return i.state == state; }));
}

} // namespace secretdesk
