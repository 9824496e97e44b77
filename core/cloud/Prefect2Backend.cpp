#include "core/cloud/Prefect2Backend.h"

#include "core/cloud/ItemResults.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace secretdesk {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Never quotes the body: a server may echo the request, and with it the value.
Diagnostic unexpected(const QString &what, const HttpResponse &response)
{
    return Diagnostic::error(
        Failure::Remote, QStringLiteral("CLOUD3%1").arg(response.status),
        QStringLiteral("%1: the server answered HTTP %2").arg(what).arg(response.status));
}

Diagnostic malformed(const QString &what)
{
    return Diagnostic::error(Failure::Remote, QStringLiteral("CLOUD301"),
                             QStringLiteral("%1: the server's answer is not the JSON expected").arg(what));
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}
} // namespace

Prefect2Backend::Prefect2Backend(const CloudLink &link, const QByteArray &apiKey, const RetryPolicy &policy,
                                 QObject *parent)
    : CloudBackend(parent)
    , m_http(link.apiUrl, apiKey, policy, this)
{}

void Prefect2Backend::verify(QObject *context, Done done)
{
    ensureBlockIds(context, std::move(done));
}

void Prefect2Backend::ensureBlockIds(QObject *context, Done done)
{
    if (!m_blockSchemaId.isEmpty()) {
        done(Status::success());
        return;
    }
    m_http.send(
        {"GET", QStringLiteral("/block_types/slug/secret"), {}}, context,
        [this, context, done](Result<HttpResponse> reply) {
            if (!reply)
                return done(reply.error());
            if (reply->status == 404) {
                return done(Diagnostic::error(
                    Failure::Remote, QStringLiteral("CLOUD302"),
                    QStringLiteral("the server has no 'secret' block type: is the API URL a Prefect 2/3 "
                                   "PREFECT_API_URL (ending in /api or /workspaces/<id>)?")));
            }
            const QString typeId =
                QJsonDocument::fromJson(reply->body).object().value(QStringLiteral("id")).toString();
            if (!isSuccess(reply->status))
                return done(unexpected(QStringLiteral("looking up the secret block type"), *reply));
            if (typeId.isEmpty())
                return done(malformed(QStringLiteral("looking up the secret block type")));
            const QJsonObject filter{
                {QStringLiteral("block_schemas"),
                 QJsonObject{{QStringLiteral("block_type_id"),
                              QJsonObject{{QStringLiteral("any_"), QJsonArray{typeId}}}}}}};
            m_http.send({"POST", QStringLiteral("/block_schemas/filter"), json(filter)}, context,
                        [this, typeId, done](Result<HttpResponse> schemas) {
                            if (!schemas)
                                return done(schemas.error());
                            if (!isSuccess(schemas->status))
                                return done(unexpected(QStringLiteral("looking up the secret block schema"),
                                                       *schemas));
                            const QJsonArray list = QJsonDocument::fromJson(schemas->body).array();
                            // The server sorts newest first; the newest schema is the one its own client
                            // uses.
                            const QString schemaId =
                                list.isEmpty()
                                    ? QString()
                                    : list.first().toObject().value(QStringLiteral("id")).toString();
                            if (schemaId.isEmpty())
                                return done(malformed(QStringLiteral("looking up the secret block schema")));
                            m_blockTypeId = typeId;
                            m_blockSchemaId = schemaId;
                            done(Status::success());
                        });
        });
}

void Prefect2Backend::list(bool withValues, const QStringList &only, QObject *context, ListDone done)
{
    m_documentIds.clear();
    listPage(withValues, only, 0, std::make_shared<QList<RemoteSecret>>(), context, std::move(done));
}

void Prefect2Backend::listPage(bool withValues, const QStringList &only, int offset,
                               std::shared_ptr<QList<RemoteSecret>> found, QObject *context, ListDone done)
{
    const QJsonObject filter{
        {QStringLiteral("block_types"),
         QJsonObject{{QStringLiteral("slug"),
                      QJsonObject{{QStringLiteral("any_"), QJsonArray{QStringLiteral("secret")}}}}}},
        {QStringLiteral("include_secrets"), withValues},
        {QStringLiteral("sort"), QStringLiteral("NAME_ASC")},
        {QStringLiteral("offset"), offset},
        {QStringLiteral("limit"), PageSize}};
    m_http.send({"POST", QStringLiteral("/block_documents/filter"), json(filter)}, context,
                [=, this](Result<HttpResponse> reply) {
                    if (!reply)
                        return done(reply.error());
                    if (!isSuccess(reply->status))
                        return done(unexpected(QStringLiteral("listing secret blocks"), *reply));
                    const QJsonDocument document = QJsonDocument::fromJson(reply->body);
                    if (!document.isArray())
                        return done(malformed(QStringLiteral("listing secret blocks")));
                    const QJsonArray page = document.array();
                    for (const QJsonValue &entry : page) {
                        const QJsonObject block = entry.toObject();
                        if (block.value(QStringLiteral("is_anonymous")).toBool())
                            continue;
                        RemoteSecret secret;
                        secret.name = block.value(QStringLiteral("name")).toString();
                        m_documentIds.insert(secret.name, block.value(QStringLiteral("id")).toString());
                        if (withValues && (only.isEmpty() || only.contains(secret.name))) {
                            const QJsonObject data = block.value(QStringLiteral("data")).toObject();
                            auto value = valueFromJson(data.value(QStringLiteral("value")), secret.name);
                            if (value)
                                secret.value = *value;
                            else
                                secret.error = value.error();
                        }
                        found->append(std::move(secret));
                    }
                    if (page.size() < PageSize) {
                        m_listed = true;
                        return done(*found);
                    }
                    listPage(withValues, only, offset + PageSize, found, context, done);
                });
}

void Prefect2Backend::ensureDocumentIds(QObject *context, Done done)
{
    ensureBlockIds(context, [this, context, done](Status ids) {
        if (!ids)
            return done(ids);
        if (m_listed)
            return done(Status::success());
        list(false, {}, context, [done](Result<QList<RemoteSecret>> listed) {
            done(listed ? Status::success() : Status(listed.error()));
        });
    });
}

void Prefect2Backend::write(const QList<RemoteWrite> &writes, QObject *context, ItemsDone done)
{
    ensureDocumentIds(context, [this, writes, context, done](Status ready) {
        if (!ready)
            return done(ready.error());
        auto results = ItemResults::create(writes.size(), done, [self = QPointer<CloudBackend>(this)] {
            if (self)
                emit self->itemsFinished(1);
        });
        for (const RemoteWrite &item : writes) {
            auto finish = [results, name = item.name](Status status) {
                results->set(name, std::move(status));
            };
            const QString id = m_documentIds.value(item.name);
            if (id.isEmpty())
                create(item, context, finish);
            else
                update(id, item, context, finish);
        }
    });
}

void Prefect2Backend::create(const RemoteWrite &item, QObject *context, Done done)
{
    const QJsonObject body{
        {QStringLiteral("name"), item.name},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("value"), valueToJson(item.value)}}},
        {QStringLiteral("block_type_id"), m_blockTypeId},
        {QStringLiteral("block_schema_id"), m_blockSchemaId},
        {QStringLiteral("is_anonymous"), false}};
    m_http.send({"POST", QStringLiteral("/block_documents"), json(body)}, context,
                [this, item, context, done](Result<HttpResponse> reply) {
                    if (!reply)
                        return done(reply.error());
                    if (reply->status ==
                        409) // created by someone else, or by our own attempt whose answer was lost
                        return adopt(item, context, done);
                    if (!isSuccess(reply->status))
                        return done(unexpected(QStringLiteral("creating '%1'").arg(item.name), *reply));
                    const QString id =
                        QJsonDocument::fromJson(reply->body).object().value(QStringLiteral("id")).toString();
                    if (!id.isEmpty())
                        m_documentIds.insert(item.name, id);
                    done(Status::success());
                });
}

void Prefect2Backend::adopt(const RemoteWrite &item, QObject *context, Done done)
{
    m_http.send({"GET", QStringLiteral("/block_types/slug/secret/block_documents/name/") + item.name, {}},
                context, [this, item, context, done](Result<HttpResponse> reply) {
                    if (!reply)
                        return done(reply.error());
                    if (!isSuccess(reply->status))
                        return done(unexpected(QStringLiteral("looking up '%1'").arg(item.name), *reply));
                    const QString id =
                        QJsonDocument::fromJson(reply->body).object().value(QStringLiteral("id")).toString();
                    if (id.isEmpty())
                        return done(malformed(QStringLiteral("looking up '%1'").arg(item.name)));
                    m_documentIds.insert(item.name, id);
                    update(id, item, context, done);
                });
}

void Prefect2Backend::update(const QString &id, const RemoteWrite &item, QObject *context, Done done)
{
    // merge_existing_data defaults to a shallow merge, which would keep stale keys of an object value.
    const QJsonObject body{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("value"), valueToJson(item.value)}}},
        {QStringLiteral("merge_existing_data"), false},
        {QStringLiteral("block_schema_id"), m_blockSchemaId}};
    m_http.send({"PATCH", QStringLiteral("/block_documents/") + id, json(body)}, context,
                [this, item, context, done](Result<HttpResponse> reply) {
                    if (!reply)
                        return done(reply.error());
                    if (reply->status == 404) { // deleted since we listed it
                        m_documentIds.remove(item.name);
                        return create(item, context, done);
                    }
                    if (!isSuccess(reply->status))
                        return done(unexpected(QStringLiteral("updating '%1'").arg(item.name), *reply));
                    done(Status::success());
                });
}

void Prefect2Backend::remove(const QStringList &names, QObject *context, ItemsDone done)
{
    ensureDocumentIds(context, [this, names, context, done](Status ready) {
        if (!ready)
            return done(ready.error());
        auto results = ItemResults::create(names.size(), done, [self = QPointer<CloudBackend>(this)] {
            if (self)
                emit self->itemsFinished(1);
        });
        for (const QString &name : names) {
            const QString id = m_documentIds.value(name);
            if (id.isEmpty()) {
                results->set(name,
                             Diagnostic::error(Failure::NotFound, QStringLiteral("CLOUD304"),
                                               QStringLiteral("no remote secret named '%1'").arg(name)));
                continue;
            }
            m_http.send(
                {"DELETE", QStringLiteral("/block_documents/") + id, {}}, context,
                [this, results, name](Result<HttpResponse> reply) {
                    if (!reply)
                        return results->set(name, reply.error());
                    // A 404 after a retry means our earlier attempt deleted it and its answer was lost.
                    if (isSuccess(reply->status) || (reply->status == 404 && reply->attempts > 1)) {
                        m_documentIds.remove(name);
                        return results->set(name, Status::success());
                    }
                    if (reply->status == 404) {
                        return results->set(
                            name, Diagnostic::error(Failure::NotFound, QStringLiteral("CLOUD304"),
                                                    QStringLiteral("no remote secret named '%1'").arg(name)));
                    }
                    results->set(name, unexpected(QStringLiteral("deleting '%1'").arg(name), *reply));
                });
        }
    });
}

} // namespace secretdesk
