#include "core/store/StoreDoctor.h"

#include "core/model/SecureBytes.h"
#include "core/store/KeychainVault.h"
#include "core/store/SecretStore.h"
#include "core/store/StoreLog.h"

namespace secretdesk {

namespace {
using Kind = StoreProblem::Kind;
using Fix = StoreProblem::Fix;
} // namespace

StoreDoctor::StoreDoctor(CatalogFile catalog, KeychainVault *vault, std::optional<RepairOptions> repair,
                         QObject *parent)
    : QObject(parent)
    , m_file(std::move(catalog))
    , m_vault(vault)
    , m_repair(std::move(repair))
{}

StoreDoctor::~StoreDoctor()
{
    for (Probe &p : m_probes)
        wipeBytes(p.bytes);
}

void StoreDoctor::run(Done done)
{
    m_done = std::move(done);
    auto catalog = m_file.load();
    if (!catalog) {
        finish(catalog.error());
        return;
    }
    m_catalog = *catalog;
    for (const QString &profileText : m_catalog.profiles()) {
        const ProfileName profile = *ProfileName::parse(profileText);
        for (const SecretRecord &r : m_catalog.records(profile))
            m_keys.append(SecretStore::keychainKey(profile, r.name));
    }
    for (const PendingIntent &intent : m_catalog.pending()) {
        for (const auto &name : {std::optional<SecretName>(intent.name), intent.newName}) {
            if (!name)
                continue;
            const QString key = SecretStore::keychainKey(intent.profile, *name);
            m_keepBytes.insert(key);
            if (!m_keys.contains(key))
                m_keys.append(key);
        }
    }
    qCDebug(lcStore) << (m_repair ? "repair:" : "check:") << m_keys.size() << "keychain items,"
                     << m_catalog.pending().size() << "pending intents";
    probeNext();
}

void StoreDoctor::probeNext()
{
    if (m_next == m_keys.size()) {
        analyse();
        return;
    }
    const QString key = m_keys.at(m_next++);
    m_vault->read(key, this, [this, key](Result<QByteArray> bytes) {
        Probe &p = m_probes[key];
        if (!bytes) {
            if (bytes.error().failure != Failure::NotFound) {
                finish(bytes.error());
                return;
            }
        } else {
            p.present = true;
            p.asString = SecretValue::fromStored(SecretValue::Type::String, *bytes).ok();
            p.asJson = SecretValue::fromStored(SecretValue::Type::Json, *bytes).ok();
            if (m_keepBytes.contains(key))
                p.bytes = *bytes;
            wipeBytes(bytes.value());
        }
        probeNext();
    });
}

const StoreDoctor::Probe &StoreDoctor::probe(const ProfileName &profile, const SecretName &name) const
{
    static const Probe absent;
    const auto it = m_probes.constFind(SecretStore::keychainKey(profile, name));
    return it == m_probes.cend() ? absent : *it;
}

SecretValue::Type StoreDoctor::typeOf(const Probe &p, SecretValue::Type preferred) const
{
    if (preferred == SecretValue::Type::Json ? p.asJson : p.asString)
        return preferred;
    return p.asJson ? SecretValue::Type::Json : SecretValue::Type::String;
}

void StoreDoctor::add(Kind kind, Fix fix, const ProfileName &profile, const SecretName &name,
                      const QString &detail, SecretValue::Type type)
{
    StoreProblem problem{kind, fix, profile, name};
    problem.detail = detail;
    problem.type = type;
    m_problems.append(problem);
}

void StoreDoctor::analyse()
{
    for (const PendingIntent &intent : m_catalog.pending())
        analyseIntent(intent);
    for (const QString &profileText : m_catalog.profiles()) {
        const ProfileName profile = *ProfileName::parse(profileText);
        for (const SecretRecord &r : m_catalog.records(profile)) {
            if (!m_covered.contains(SecretStore::keychainKey(profile, r.name)))
                analyseEntry(profile, r);
        }
    }
    if (!m_repair) {
        finish(m_problems);
        return;
    }
    if (Status chosen = chooseDiscards(); !chosen) {
        finish(chosen.error());
        return;
    }
    for (const StoreProblem &p : m_problems) {
        if (p.fix == Fix::Discard || p.fix == Fix::RemoveDuplicate)
            m_removals.append(SecretStore::keychainKey(p.profile, p.name));
    }
    removeNextValue();
}

void StoreDoctor::analyseEntry(const ProfileName &profile, const SecretRecord &record)
{
    m_covered.insert(SecretStore::keychainKey(profile, record.name));
    const Probe &p = probe(profile, record.name);
    if (!p.present) {
        add(Kind::MissingValue, Fix::RemoveEntry, profile, record.name,
            QStringLiteral("the catalog lists it but the keychain holds no value"));
    } else if (typeOf(p, record.type) != record.type) {
        const SecretValue::Type actual = typeOf(p, record.type);
        add(Kind::TypeMismatch, Fix::SetType, profile, record.name,
            QStringLiteral("the catalog says %1 but the value is %2")
                .arg(SecretValue::typeName(record.type), SecretValue::typeName(actual)),
            actual);
    }
}

void StoreDoctor::analyseStray(const PendingIntent &intent, const SecretName &name)
{
    const QString key = SecretStore::keychainKey(intent.profile, name);
    if (m_covered.contains(key))
        return;
    m_covered.insert(key);
    const Probe &p = probe(intent.profile, name);
    if (p.present) {
        add(Kind::Orphan, Fix::Adopt, intent.profile, name,
            QStringLiteral("a value in the keychain with no catalog entry (left by: %1)")
                .arg(intent.describe()),
            typeOf(p, intent.type));
    }
}

void StoreDoctor::analyseIntent(const PendingIntent &intent)
{
    add(Kind::Interrupted, Fix::ClearIntent, intent.profile, intent.name,
        QStringLiteral("%1 was interrupted (process %2, started %3)")
            .arg(intent.describe())
            .arg(intent.pid)
            .arg(intent.started.toString(Qt::ISODate)));
    const SecretRecord *from = m_catalog.find(intent.profile, intent.name);
    if (intent.op != PendingIntent::Op::Rename || !intent.newName) {
        if (from)
            analyseEntry(intent.profile, *from);
        else
            analyseStray(intent, intent.name);
        if (intent.op == PendingIntent::Op::Delete && !m_problems.isEmpty() &&
            m_problems.last().kind == Kind::MissingValue && m_problems.last().name == intent.name)
            m_problems.last().detail =
                QStringLiteral("its delete was interrupted after the value was removed");
        return;
    }
    const SecretName &to = *intent.newName;
    const SecretRecord *moved = m_catalog.find(intent.profile, to);
    const Probe &oldValue = probe(intent.profile, intent.name);
    const Probe &newValue = probe(intent.profile, to);
    // One name is catalogued and holds a value: a value under the other name is either a copy the
    // rename left behind (safe to remove) or something else (an orphan to keep).
    const auto leftover = [&](const SecretName &extra, const Probe &kept, const Probe &other) {
        const QString key = SecretStore::keychainKey(intent.profile, extra);
        if (m_covered.contains(key) || !other.present)
            return;
        if (kept.present && kept.bytes == other.bytes) {
            m_covered.insert(key);
            add(Kind::Duplicate, Fix::RemoveDuplicate, intent.profile, extra,
                QStringLiteral("a copy left by: %1").arg(intent.describe()));
        } else {
            analyseStray(intent, extra);
        }
    };
    if (from && !moved && !oldValue.present && newValue.present) {
        // The value already moved: finish the rename instead of losing track of it.
        m_covered.insert(SecretStore::keychainKey(intent.profile, intent.name));
        m_covered.insert(SecretStore::keychainKey(intent.profile, to));
        StoreProblem problem{Kind::MissingValue, Fix::FinishRename, intent.profile, intent.name};
        problem.renamedTo = to;
        problem.type = typeOf(newValue, from->type);
        problem.detail =
            QStringLiteral("its value already moved to %1 (%2)").arg(to.toString(), intent.describe());
        m_problems.append(problem);
        return;
    }
    if (from) {
        analyseEntry(intent.profile, *from);
        if (!moved)
            leftover(to, oldValue, newValue);
    }
    if (moved) {
        analyseEntry(intent.profile, *moved);
        if (!from)
            leftover(intent.name, newValue, oldValue);
    }
    if (!from && !moved) {
        analyseStray(intent, intent.name);
        analyseStray(intent, to);
    }
}

Status StoreDoctor::chooseDiscards()
{
    for (const auto &[profile, name] : m_repair->discard) {
        bool found = false;
        for (StoreProblem &p : m_problems) {
            if ((p.kind == Kind::Orphan || p.kind == Kind::Duplicate) && p.profile == profile &&
                p.name == name) {
                p.fix = p.kind == Kind::Orphan ? Fix::Discard : Fix::RemoveDuplicate;
                found = true;
            }
        }
        if (!found) {
            return Diagnostic::error(
                Failure::NotFound, QStringLiteral("DOCTOR001"),
                QStringLiteral("'%1' in profile '%2' is not an orphan; only values doctor lists as orphans "
                               "can be discarded (use rm for a catalogued secret)")
                    .arg(name.toString(), profile.toString()));
        }
    }
    return {};
}

void StoreDoctor::removeNextValue()
{
    if (m_removals.isEmpty()) {
        commit();
        return;
    }
    const QString key = m_removals.takeFirst();
    qCDebug(lcStore) << "repair: removing keychain item" << key;
    m_vault->remove(key, this, [this](Status removed) {
        if (!removed) {
            finish(removed.error());
            return;
        }
        removeNextValue();
    });
}

void StoreDoctor::commit()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Status committed = m_file.updateLocked([&](Catalog &catalog) -> Status {
        for (const StoreProblem &p : std::as_const(m_problems)) {
            switch (p.fix) {
            case Fix::Adopt: {
                SecretRecord r{p.name};
                r.type = p.type;
                r.created = now;
                r.updated = now;
                r.note = QStringLiteral("recovered by doctor --repair");
                const Probe &value = probe(p.profile, p.name);
                if (m_repair->kindOf) {
                    if (auto parsed = SecretValue::fromStored(p.type, value.bytes))
                        r.kind = m_repair->kindOf(p.name, *parsed);
                }
                catalog.upsert(p.profile, r);
                break;
            }
            case Fix::RemoveEntry:
                catalog.remove(p.profile, p.name);
                break;
            case Fix::FinishRename:
                if (const SecretRecord *old = catalog.find(p.profile, p.name); old && p.renamedTo) {
                    SecretRecord r = *old;
                    r.name = *p.renamedTo;
                    r.type = p.type;
                    r.updated = now;
                    catalog.remove(p.profile, p.name);
                    catalog.upsert(p.profile, r);
                }
                break;
            case Fix::SetType:
                if (const SecretRecord *old = catalog.find(p.profile, p.name)) {
                    SecretRecord r = *old;
                    r.type = p.type;
                    catalog.upsert(p.profile, r);
                }
                break;
            case Fix::ClearIntent:
            case Fix::Discard:
            case Fix::RemoveDuplicate:
                break;
            }
        }
        for (const PendingIntent &intent : m_catalog.pending())
            catalog.removePending(intent.id);
        return {};
    });
    if (!committed) {
        finish(committed.error());
        return;
    }
    finish(m_problems);
}

void StoreDoctor::finish(Result<QList<StoreProblem>> result)
{
    if (m_done) {
        Done done = std::move(m_done);
        m_done = nullptr;
        done(std::move(result));
    }
    deleteLater();
}

} // namespace secretdesk
