#include "tests/importing/ImportTestStore.h"

#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"

#include <QFile>

namespace secretdesk::test {

namespace {
Diagnostic noAnswer()
{
    return Diagnostic::error(Failure::KeychainUnavailable, QStringLiteral("TEST001"),
                             QStringLiteral("the store did not answer"));
}
} // namespace

ImportTestStore::ImportTestStore(const QString &testName)
    : m_home(std::make_unique<TempHome>())
    , m_vault(std::make_unique<KeychainVault>(uniqueKeychainService(testName)))
    , m_store(std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get()))
{}

ImportTestStore::~ImportTestStore()
{
    m_store.reset();
}

QString ImportTestStore::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_home->path() + QLatin1Char('/') + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
    return path;
}

Result<SecretRecord> ImportTestStore::save(const SecretChange &change) const
{
    return awaitCallback<Result<SecretRecord>>(
               [&](QObject *ctx, auto done) { m_store->save(profile(), change, ctx, done); })
        .value_or(noAnswer());
}

Result<SecretRecord> ImportTestStore::save(const QString &name, const QByteArray &value) const
{
    return save(SecretChange{nameOf(name), SecretValue::fromString(QString::fromUtf8(value))});
}

Result<SecretValue> ImportTestStore::value(const QString &name) const
{
    return awaitCallback<Result<SecretValue>>(
               [&](QObject *ctx, auto done) { m_store->readValue(profile(), nameOf(name), ctx, done); })
        .value_or(noAnswer());
}

QStringList ImportTestStore::contents() const
{
    QStringList lines;
    const auto records = m_store->records(profile());
    if (!records)
        return {QStringLiteral("error: ") + records.error().toString()};
    for (const SecretRecord &r : *records) {
        const auto stored = value(r.name.toString());
        lines.append(QStringList{r.name.toString(), SecretValue::typeName(r.type), r.kind, r.note,
                                 exportTargetName(r.target), r.remoteName,
                                 r.created.toString(Qt::ISODateWithMs), QStringLiteral("="),
                                 stored ? stored->toString() : stored.error().code}
                         .join(QLatin1Char(' ')));
    }
    return lines;
}

QStringList ImportTestStore::problems() const
{
    const auto found = awaitCallback<Result<QList<StoreProblem>>>(
        [&](QObject *ctx, auto done) { m_store->check(ctx, done); });
    if (!found)
        return {QStringLiteral("no answer")};
    if (!*found)
        return {found->error().toString()};
    QStringList lines;
    for (const StoreProblem &p : found->value())
        lines.append(StoreProblem::kindName(p.kind) + QLatin1Char(' ') + p.name.toString());
    return lines;
}

} // namespace secretdesk::test
