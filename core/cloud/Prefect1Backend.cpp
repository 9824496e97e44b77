#include "core/cloud/Prefect1Backend.h"

#include "core/cloud/ItemResults.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace secretdesk {

namespace {
bool isAuthError(const QJsonObject &error)
{
    const QString code =
        error.value(QStringLiteral("extensions")).toObject().value(QStringLiteral("code")).toString();
    return code == QLatin1String("UNAUTHENTICATED") || code == QLatin1String("FORBIDDEN");
}

Diagnostic graphQlError(const QString &what, const QJsonObject &error)
{
    // GraphQL error messages name the problem, not the input; still, keep them to one short line.
    QString message = error.value(QStringLiteral("message")).toString().simplified().left(200);
    if (message.isEmpty())
        message = QStringLiteral("unspecified error");
    return Diagnostic::error(Failure::Remote, QStringLiteral("CLOUD101"),
                             QStringLiteral("%1: %2").arg(what, message));
}

Diagnostic unauthorized()
{
    return Diagnostic::error(
        Failure::Unauthorized, QStringLiteral("NET401"),
        QStringLiteral("the server rejected the API key: run 'secretdesk-cli cloud login' "
                       "with a valid key"));
}

// Errors of an aliased operation, by alias (the first element of `path`).
QHash<QString, QJsonObject> errorsByAlias(const QJsonObject &response)
{
    QHash<QString, QJsonObject> byAlias;
    for (const QJsonValue &entry : response.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject error = entry.toObject();
        const QJsonArray path = error.value(QStringLiteral("path")).toArray();
        if (!path.isEmpty())
            byAlias.insert(path.first().toString(), error);
    }
    return byAlias;
}
} // namespace

Prefect1Backend::Prefect1Backend(const CloudLink &link, const QByteArray &apiKey, const RetryPolicy &policy,
                                 QObject *parent)
    : CloudBackend(parent)
    , m_http(link.apiUrl, apiKey, policy, this)
{
    if (!link.workspace.isEmpty())
        m_http.setHeader("X-PREFECT-TENANT-ID", link.workspace.toUtf8());
}

void Prefect1Backend::graphQl(const QString &query, const QJsonObject &variables, QObject *context,
                              GraphQlDone done)
{
    QJsonObject body{{QStringLiteral("query"), query}};
    if (!variables.isEmpty())
        body.insert(QStringLiteral("variables"), variables);
    m_http.send(
        {"POST", QString(), QJsonDocument(body).toJson(QJsonDocument::Compact)}, context,
        [done](Result<HttpResponse> reply) {
            if (!reply)
                return done(reply.error());
            const QJsonObject response = QJsonDocument::fromJson(reply->body).object();
            const QJsonArray errors = response.value(QStringLiteral("errors")).toArray();
            for (const QJsonValue &error : errors) {
                if (isAuthError(error.toObject()))
                    return done(unauthorized());
            }
            if (reply->status < 200 || reply->status >= 300 || response.isEmpty()) {
                if (!errors.isEmpty())
                    return done(graphQlError(QStringLiteral("GraphQL request"), errors.first().toObject()));
                return done(
                    Diagnostic::error(Failure::Remote, QStringLiteral("CLOUD100"),
                                      QStringLiteral("the GraphQL endpoint answered HTTP %1 without a "
                                                     "GraphQL response: is the API URL right?")
                                          .arg(reply->status)));
            }
            if (!response.value(QStringLiteral("data")).isObject() && !errors.isEmpty())
                return done(graphQlError(QStringLiteral("GraphQL request"), errors.first().toObject()));
            done(response);
        });
}

void Prefect1Backend::names(QObject *context, std::function<void(Result<QStringList>)> done)
{
    graphQl(QStringLiteral("query { secret_names }"), {}, context, [done](Result<QJsonObject> response) {
        if (!response)
            return done(response.error());
        const QJsonValue names =
            response->value(QStringLiteral("data")).toObject().value(QStringLiteral("secret_names"));
        if (!names.isArray()) {
            const auto errors = response->value(QStringLiteral("errors")).toArray();
            return done(errors.isEmpty()
                            ? Diagnostic::error(Failure::Remote, QStringLiteral("CLOUD102"),
                                                QStringLiteral("secret_names: no list in the answer"))
                            : graphQlError(QStringLiteral("secret_names"), errors.first().toObject()));
        }
        QStringList list;
        for (const QJsonValue &name : names.toArray())
            list.append(name.toString());
        done(list);
    });
}

void Prefect1Backend::verify(QObject *context, Done done)
{
    names(context,
          [done](Result<QStringList> listed) { done(listed ? Status::success() : Status(listed.error())); });
}

void Prefect1Backend::list(bool withValues, const QStringList &only, QObject *context, ListDone done)
{
    names(context, [this, withValues, only, context, done](Result<QStringList> listed) {
        if (!listed)
            return done(listed.error());
        auto found = std::make_shared<QList<RemoteSecret>>();
        QStringList wanted;
        for (const QString &name : *listed) {
            found->append(RemoteSecret{name, std::nullopt, std::nullopt});
            if (withValues && (only.isEmpty() || only.contains(name)))
                wanted.append(name);
        }
        if (wanted.isEmpty())
            return done(*found);
        auto values = std::make_shared<QHash<QString, RemoteSecret>>();
        auto pending = std::make_shared<qsizetype>((wanted.size() + m_batchSize - 1) / m_batchSize);
        auto failed = std::make_shared<std::optional<Diagnostic>>();
        for (qsizetype start = 0; start < wanted.size(); start += m_batchSize) {
            const QStringList batch = wanted.mid(start, m_batchSize);
            QStringList params, fields;
            QJsonObject variables;
            for (qsizetype i = 0; i < batch.size(); ++i) {
                params.append(QStringLiteral("$n%1: String!").arg(i));
                fields.append(QStringLiteral("v%1: secret_value(name: $n%1)").arg(i));
                variables.insert(QStringLiteral("n%1").arg(i), batch.at(i));
            }
            const QString query = QStringLiteral("query(%1) { %2 }")
                                      .arg(params.join(QStringLiteral(", ")), fields.join(QLatin1Char(' ')));
            graphQl(query, variables, context, [=](Result<QJsonObject> response) {
                if (!response && response.error().failure == Failure::Unauthorized && !*failed)
                    *failed = response.error();
                const QJsonObject data =
                    response ? response->value(QStringLiteral("data")).toObject() : QJsonObject();
                const auto errors = response ? errorsByAlias(*response) : QHash<QString, QJsonObject>();
                for (qsizetype i = 0; i < batch.size(); ++i) {
                    const QString alias = QStringLiteral("v%1").arg(i);
                    RemoteSecret secret{batch.at(i), std::nullopt, std::nullopt};
                    if (!response) {
                        secret.error = response.error();
                    } else if (errors.contains(alias) || data.value(alias).isNull()) {
                        secret.error = graphQlError(QStringLiteral("reading '%1'").arg(batch.at(i)),
                                                    errors.value(alias));
                    } else {
                        auto value = valueFromJson(data.value(alias), batch.at(i));
                        if (value)
                            secret.value = *value;
                        else
                            secret.error = value.error();
                    }
                    values->insert(batch.at(i), std::move(secret));
                }
                if (--*pending > 0)
                    return;
                if (*failed)
                    return done(**failed);
                for (RemoteSecret &secret : *found) {
                    if (values->contains(secret.name))
                        secret = values->value(secret.name);
                }
                done(*found);
            });
        }
    });
}

void Prefect1Backend::mutate(const QString &field, const QList<RemoteWrite> &items, bool withValue,
                             QObject *context, ItemsDone done)
{
    auto results = ItemResults::create(items.size(), done, [self = QPointer<CloudBackend>(this)] {
        if (self)
            emit self->itemsFinished(1);
    });
    const QString inputType = field + QStringLiteral("_input!");
    for (qsizetype start = 0; start < items.size(); start += m_batchSize) {
        const QList<RemoteWrite> batch = items.mid(start, m_batchSize);
        QStringList params, fields;
        QJsonObject variables;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            params.append(QStringLiteral("$i%1: %2").arg(i).arg(inputType));
            fields.append(QStringLiteral("a%1: %2(input: $i%1) { success }").arg(i).arg(field));
            QJsonObject input{{QStringLiteral("name"), batch.at(i).name}};
            if (withValue)
                input.insert(QStringLiteral("value"), valueToJson(batch.at(i).value));
            variables.insert(QStringLiteral("i%1").arg(i), input);
        }
        const QString query = QStringLiteral("mutation(%1) { %2 }")
                                  .arg(params.join(QStringLiteral(", ")), fields.join(QLatin1Char(' ')));
        graphQl(query, variables, context, [results, batch, field](Result<QJsonObject> response) {
            const QJsonObject data =
                response ? response->value(QStringLiteral("data")).toObject() : QJsonObject();
            const auto errors = response ? errorsByAlias(*response) : QHash<QString, QJsonObject>();
            for (qsizetype i = 0; i < batch.size(); ++i) {
                const QString alias = QStringLiteral("a%1").arg(i);
                const QString &name = batch.at(i).name;
                if (!response) {
                    results->set(name, response.error());
                } else if (data.value(alias).toObject().value(QStringLiteral("success")).toBool()) {
                    results->set(name, Status::success());
                } else {
                    Diagnostic error =
                        graphQlError(QStringLiteral("%1 '%2'").arg(field, name), errors.value(alias));
                    if (error.message.contains(QLatin1String("not found"), Qt::CaseInsensitive))
                        error.failure = Failure::NotFound;
                    results->set(name, error);
                }
            }
        });
    }
}

void Prefect1Backend::write(const QList<RemoteWrite> &writes, QObject *context, ItemsDone done)
{
    mutate(QStringLiteral("set_secret"), writes, true, context, std::move(done));
}

void Prefect1Backend::remove(const QStringList &names, QObject *context, ItemsDone done)
{
    QList<RemoteWrite> items;
    for (const QString &name : names)
        items.append(RemoteWrite{name, SecretValue()});
    mutate(QStringLiteral("delete_secret"), items, false, context, std::move(done));
}

} // namespace secretdesk
