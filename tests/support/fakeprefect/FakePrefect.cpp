#include "tests/support/fakeprefect/FakePrefect.h"

#include "tests/support/fakeprefect/FakeGraphQl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace secretdesk::test {

namespace {
QByteArray toJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

FakeResponse json(int status, const QJsonValue &body)
{
    return FakeResponse{status, toJson(body), {}};
}

FakeResponse detail(int status, const QString &text)
{
    return json(status, QJsonObject{{QStringLiteral("detail"), text}});
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QString Masked = QStringLiteral("********");
} // namespace

FakePrefect::FakePrefect(QObject *parent)
    : QObject(parent)
    , m_blockTypeId(uuid())
    , m_blockSchemaId(uuid())
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            new HttpConnection(
                socket, [this](HttpConnection *c, const FakeRequest &r) { handle(c, r); }, this);
        }
    });
}

bool FakePrefect::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakePrefect::prefect1Url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QUrl FakePrefect::prefect2Url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(m_server.serverPort()));
}

QString FakePrefect::idOf(const QString &name)
{
    auto it = m_idByName.find(name);
    if (it == m_idByName.end())
        it = m_idByName.insert(name, uuid());
    return *it;
}

QString FakePrefect::nameOf(const QString &id) const
{
    for (auto it = m_idByName.cbegin(); it != m_idByName.cend(); ++it) {
        if (*it == id && m_secrets.contains(it.key()))
            return it.key();
    }
    return {};
}

void FakePrefect::handle(HttpConnection *connection, const FakeRequest &request)
{
    const int index = m_requests++;
    const Fault fault = m_faults ? m_faults(request, index) : Fault::None;
    if (fault != Fault::None)
        ++m_faultsInjected;
    FakeResponse response;
    switch (fault) {
    case Fault::Error500:
        response = detail(500, QStringLiteral("Internal Server Error"));
        break;
    case Fault::TooManyRequests:
        response = detail(429, QStringLiteral("Too many requests"));
        response.headers.append({"Retry-After", m_retryAfter});
        break;
    case Fault::DropBeforeApply:
        break;
    default:
        response = answer(request);
    }
    QPointer<HttpConnection> alive(connection);
    m_maxConcurrent = std::max(m_maxConcurrent, ++m_concurrent);
    QTimer::singleShot(m_latencyMs, this, [this, alive, fault, response] {
        --m_concurrent;
        if (!alive)
            return;
        if (fault == Fault::DropBeforeApply)
            alive->drop();
        else if (fault == Fault::DropMidResponse)
            alive->respondAndDrop(response);
        else if (fault == Fault::StallBody)
            alive->respondAndStall(response);
        else if (fault == Fault::HugeBody || fault == Fault::EndlessBody)
            alive->respondWithHugeBody(qint64(1) << 30, fault == Fault::HugeBody,
                                       [this](qint64 bytes) { m_hugeBytesSent += bytes; });
        else
            alive->respond(response);
    });
}

FakeResponse FakePrefect::answer(const FakeRequest &request)
{
    if (request.path.startsWith("/api/"))
        return prefect2(request);
    if (request.path == "/" && request.method == "POST")
        return prefect1(request);
    return detail(404, QStringLiteral("Not Found"));
}

FakeResponse FakePrefect::prefect1(const FakeRequest &request)
{
    if (!m_apiKey.isEmpty() && request.headers.value("authorization") != "Bearer " + m_apiKey) {
        // Prefect 1 Cloud answered a bad key inside a GraphQL response.
        return json(
            200,
            QJsonObject{{QStringLiteral("errors"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("message"), QStringLiteral("Unauthenticated")},
                             {QStringLiteral("extensions"),
                              QJsonObject{{QStringLiteral("code"), QStringLiteral("UNAUTHENTICATED")}}}}}}});
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (!body.value(QStringLiteral("query")).isString())
        return json(400,
                    QJsonObject{{QStringLiteral("errors"),
                                 QJsonArray{QJsonObject{{QStringLiteral("message"),
                                                         QStringLiteral("Must provide query string.")}}}}});
    FakeGraphQl graphQl(m_secrets);
    return json(200, graphQl.execute(body.value(QStringLiteral("query")).toString(),
                                     body.value(QStringLiteral("variables"))));
}

QJsonObject FakePrefect::document(const QString &name, bool includeSecrets)
{
    const QJsonValue value = includeSecrets ? m_secrets.value(name) : QJsonValue(Masked);
    return QJsonObject{
        {QStringLiteral("id"), idOf(name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("value"), value}}},
        {QStringLiteral("block_type_id"), m_blockTypeId},
        {QStringLiteral("block_schema_id"), m_blockSchemaId},
        {QStringLiteral("is_anonymous"), false},
        {QStringLiteral("block_type"), QJsonObject{{QStringLiteral("slug"), QStringLiteral("secret")}}}};
}

FakeResponse FakePrefect::prefect2(const FakeRequest &request)
{
    if (!m_apiKey.isEmpty() && request.headers.value("authorization") != "Bearer " + m_apiKey)
        return detail(401, QStringLiteral("Invalid authentication credentials"));
    const QByteArray path = request.path.mid(4); // after "/api"
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (request.method == "GET" && path == "/block_types/slug/secret") {
        return json(200, QJsonObject{{QStringLiteral("id"), m_blockTypeId},
                                     {QStringLiteral("slug"), QStringLiteral("secret")},
                                     {QStringLiteral("name"), QStringLiteral("Secret")}});
    }
    if (request.method == "POST" && path == "/block_schemas/filter") {
        const QJsonArray ids = body.value(QStringLiteral("block_schemas"))
                                   .toObject()
                                   .value(QStringLiteral("block_type_id"))
                                   .toObject()
                                   .value(QStringLiteral("any_"))
                                   .toArray();
        QJsonArray schemas;
        if (ids.contains(m_blockTypeId))
            schemas.append(QJsonObject{{QStringLiteral("id"), m_blockSchemaId},
                                       {QStringLiteral("block_type_id"), m_blockTypeId}});
        return json(200, schemas);
    }
    static const QString byNamePrefix = QStringLiteral("/block_types/slug/secret/block_documents/name/");
    const QString textPath = QString::fromUtf8(path);
    if (request.method == "GET" && textPath.startsWith(byNamePrefix)) {
        const QString name = textPath.mid(byNamePrefix.size());
        if (!m_secrets.contains(name))
            return detail(404, QStringLiteral("Block document not found"));
        return json(200, document(name, request.query.contains("include_secrets=true")));
    }
    return documents(request, path);
}

FakeResponse FakePrefect::documents(const FakeRequest &request, const QByteArray &path)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (request.method == "POST" && path == "/block_documents/filter") {
        const int limit = body.value(QStringLiteral("limit")).toInt(200);
        const int offset = body.value(QStringLiteral("offset")).toInt(0);
        if (limit > 200 || limit < 0 || offset < 0)
            return detail(422, QStringLiteral("limit must be between 0 and 200"));
        const QJsonArray slugs = body.value(QStringLiteral("block_types"))
                                     .toObject()
                                     .value(QStringLiteral("slug"))
                                     .toObject()
                                     .value(QStringLiteral("any_"))
                                     .toArray();
        QJsonArray page;
        if (slugs.contains(QStringLiteral("secret"))) {
            const QStringList names = m_secrets.keys(); // QMap: sorted by name
            for (qsizetype i = offset; i < names.size() && page.size() < limit; ++i)
                page.append(document(names.at(i), body.value(QStringLiteral("include_secrets")).toBool()));
        }
        return json(200, page);
    }
    if (request.method == "POST" && path == "/block_documents") {
        const QString name = body.value(QStringLiteral("name")).toString();
        static const QRegularExpression valid(QStringLiteral("^[a-z0-9-]+$"));
        if (!valid.match(name).hasMatch())
            return detail(422,
                          QStringLiteral("name must only contain lowercase letters, numbers, and dashes"));
        if (body.value(QStringLiteral("block_type_id")).toString() != m_blockTypeId ||
            body.value(QStringLiteral("block_schema_id")).toString() != m_blockSchemaId)
            return detail(409, QStringLiteral("Block type or schema not found"));
        if (m_secrets.contains(name))
            return detail(409, QStringLiteral("Block already exists"));
        m_secrets.insert(name, body.value(QStringLiteral("data")).toObject().value(QStringLiteral("value")));
        return json(201, document(name, false));
    }
    if (!path.startsWith("/block_documents/"))
        return detail(404, QStringLiteral("Not Found"));
    const QString name = nameOf(QString::fromUtf8(path.mid(17)));
    if (name.isEmpty())
        return detail(404, QStringLiteral("Block document not found"));
    if (request.method == "GET")
        return json(200, document(name, request.query.contains("include_secrets=true")));
    if (request.method == "DELETE") {
        m_secrets.remove(name);
        return FakeResponse{204, {}, {}};
    }
    if (request.method == "PATCH") {
        const QJsonValue value = body.value(QStringLiteral("data")).toObject().value(QStringLiteral("value"));
        if (value.isUndefined())
            return detail(422, QStringLiteral("data.value is required"));
        // merge_existing_data shallow-merges `data`, whose only key is `value`: either way it is replaced.
        if (value == QJsonValue(Masked))
            return FakeResponse{204, {}, {}}; // the obfuscated placeholder keeps the current value
        m_secrets.insert(name, value);
        return FakeResponse{204, {}, {}};
    }
    return detail(405, QStringLiteral("Method Not Allowed"));
}

} // namespace secretdesk::test
