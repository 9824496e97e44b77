#pragma once

#include "tests/support/fakeprefect/HttpConnection.h"

#include <QHash>
#include <QJsonValue>
#include <QMap>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace secretdesk::test {

// What the server does to one request instead of (or after) answering it normally.
enum class Fault {
    None,
    Error500,        // 500 without applying the request
    TooManyRequests, // 429 with Retry-After, without applying
    DropBeforeApply, // closes the connection without applying or answering
    DropMidResponse, // applies, then closes halfway through the body
    StallBody,       // applies, then sends half the body and goes silent
    HugeBody,        // answers 200 with a declared 1 GiB body and streams it
    EndlessBody,     // answers 200 with a body of no declared length that goes on (up to 1 GiB)
};

// A local stand-in for Prefect on 127.0.0.1 (port 0): Prefect 1's GraphQL API at POST / and Prefect
// 2/3's REST Secret blocks under /api, over one shared set of secrets, with the auth and error bodies
// the spec describes, latency, and per-request fault injection.
class FakePrefect : public QObject {
    Q_OBJECT
public:
    using FaultPlan = std::function<Fault(const FakeRequest &request, int index)>;

    explicit FakePrefect(QObject *parent = nullptr);
    bool listen();

    QUrl prefect1Url() const; // http://127.0.0.1:<port>
    QUrl prefect2Url() const; // http://127.0.0.1:<port>/api

    void setApiKey(const QByteArray &key) { m_apiKey = key; }
    void setLatency(int ms) { m_latencyMs = ms; }
    void setRetryAfter(const QByteArray &value) { m_retryAfter = value; }
    void setFaultPlan(FaultPlan plan) { m_faults = std::move(plan); }

    // The secrets, as the JSON values the APIs carry (strings and objects).
    const QMap<QString, QJsonValue> &secrets() const { return m_secrets; }
    void setSecret(const QString &name, const QJsonValue &value) { m_secrets.insert(name, value); }
    void clearSecrets() { m_secrets.clear(); }

    int requestCount() const { return m_requests; }
    int faultCount() const { return m_faultsInjected; }
    // The most requests the server was holding at once (with latency: the client's parallelism).
    int maxConcurrent() const { return m_maxConcurrent; }
    // Body bytes written by HugeBody/EndlessBody answers (how far a client let one get).
    qint64 hugeBytesSent() const { return m_hugeBytesSent; }
    void resetCounters() { m_requests = m_faultsInjected = m_maxConcurrent = 0; }

private:
    void handle(HttpConnection *connection, const FakeRequest &request);
    FakeResponse answer(const FakeRequest &request);
    FakeResponse prefect1(const FakeRequest &request);
    FakeResponse prefect2(const FakeRequest &request);
    FakeResponse documents(const FakeRequest &request, const QByteArray &path);
    QJsonObject document(const QString &name, bool includeSecrets);
    QString idOf(const QString &name);
    QString nameOf(const QString &id) const;

    QTcpServer m_server;
    QByteArray m_apiKey;
    int m_latencyMs = 0;
    QByteArray m_retryAfter = "0";
    FaultPlan m_faults;
    QMap<QString, QJsonValue> m_secrets;
    QHash<QString, QString> m_idByName;
    QString m_blockTypeId;
    QString m_blockSchemaId;
    int m_requests = 0;
    int m_faultsInjected = 0;
    int m_concurrent = 0;
    int m_maxConcurrent = 0;
    qint64 m_hugeBytesSent = 0;
};

} // namespace secretdesk::test
