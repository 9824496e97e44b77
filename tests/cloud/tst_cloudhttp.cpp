#include "core/cloud/Prefect1Backend.h"
#include "core/cloud/Prefect2Backend.h"
#include "tests/support/fakeprefect/FakePrefect.h"

#include "core/cloud/Cancellation.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

// The HTTP layer and both backends against the local fake server: retries, fault modes, auth,
// bounded parallelism, batching, and round trips of string and object values. No keychain.
class TestCloudHttp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void retriesUntilSuccess_data();
    void retriesUntilSuccess();
    void givesUpWithAPreciseError();
    void retryAfterIsHonoured();
    void clientErrorsAreNotRetried();
    void unauthorizedIsOneErrorAndNotRetried_data();
    void unauthorizedIsOneErrorAndNotRetried();
    void tlsFailureIsAnErrorAndNotRetried();
    void inFlightIsBounded();
    void backendRoundTrip_data();
    void backendRoundTrip();
    void prefect1BatchesWithAliases();
    void prefect2LooksUpBlockIdsOnce();
    void lostCreateAnswerIsAdopted();
    void oversizedAnswerIsCutOff_data();
    void oversizedAnswerIsCutOff();
    void cancelStopsQueuedAndInFlight();
    void debugLogNamesRequestsNeverSecrets();

private:
    RetryPolicy fastPolicy() const;
    std::unique_ptr<CloudBackend> backend(BackendKind kind, const QByteArray &key = "test-key");
    Result<HttpResponse> get(HttpClient &client, const QString &path);

    std::unique_ptr<FakePrefect> m_server;
    QByteArray m_key;
};

namespace {
template<class R, class Start>
std::optional<R> wait(Start &&start, int timeoutMs = 30000)
{
    std::optional<R> result;
    QObject context;
    start(&context, [&](R r) { result.emplace(std::move(r)); });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    return result;
}

// Test material made at run time: not a credential anywhere.
QByteArray randomKey()
{
    return "pnu_test_" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}
} // namespace

void TestCloudHttp::init()
{
    m_server = std::make_unique<FakePrefect>();
    QVERIFY(m_server->listen());
    m_key = randomKey();
    m_server->setApiKey(m_key);
}

RetryPolicy TestCloudHttp::fastPolicy() const
{
    RetryPolicy policy;
    policy.timeout = std::chrono::milliseconds(400);
    policy.baseDelay = std::chrono::milliseconds(5);
    policy.maxDelay = std::chrono::milliseconds(50);
    policy.maxRetryAfter = std::chrono::milliseconds(2000);
    policy.maxAttempts = 4;
    return policy;
}

std::unique_ptr<CloudBackend> TestCloudHttp::backend(BackendKind kind, const QByteArray &key)
{
    CloudLink link;
    link.backend = kind;
    link.apiUrl = kind == BackendKind::Prefect1 ? m_server->prefect1Url() : m_server->prefect2Url();
    return CloudBackend::create(link, key == "test-key" ? m_key : key, fastPolicy());
}

Result<HttpResponse> TestCloudHttp::get(HttpClient &client, const QString &path)
{
    auto reply = wait<Result<HttpResponse>>([&](QObject *ctx, auto done) {
        client.send({"GET", path, {}}, ctx, done);
    });
    if (!reply)
        return Diagnostic::error(Failure::Remote, QStringLiteral("TEST"),
                                 QStringLiteral("no answer in time"));
    return *reply;
}

void TestCloudHttp::retriesUntilSuccess_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::newRow("500") << Fault::Error500;
    QTest::newRow("429") << Fault::TooManyRequests;
    QTest::newRow("dropped before answer") << Fault::DropBeforeApply;
    QTest::newRow("dropped mid-response") << Fault::DropMidResponse;
    QTest::newRow("stalled body") << Fault::StallBody;
}

void TestCloudHttp::retriesUntilSuccess()
{
    QFETCH(Fault, fault);
    m_server->setFaultPlan(
        [fault](const FakeRequest &, int index) { return index < 2 ? fault : Fault::None; });
    HttpClient client(m_server->prefect2Url(), m_key, fastPolicy());
    const auto reply = get(client, QStringLiteral("/block_types/slug/secret"));
    QVERIFY2(reply.ok(), qPrintable(reply.ok() ? QString() : reply.error().toString()));
    QCOMPARE(reply->status, 200);
    // Qt itself resends once a request whose connection closed before any answer byte, so the
    // server may see one more try than the client counted.
    QVERIFY(reply->attempts == 3 || (fault == Fault::DropBeforeApply && reply->attempts == 2));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->faultCount(), 2);
}

void TestCloudHttp::givesUpWithAPreciseError()
{
    m_server->setFaultPlan([](const FakeRequest &, int) { return Fault::Error500; });
    HttpClient client(m_server->prefect2Url(), m_key, fastPolicy());
    const auto reply = get(client, QStringLiteral("/block_types/slug/secret"));
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().failure, Failure::Remote);
    QVERIFY(reply.error().message.contains(QStringLiteral("HTTP 500")));
    QVERIFY(reply.error().message.contains(QStringLiteral("after 4 attempts")));
    QVERIFY(reply.error().location.file.contains(QStringLiteral("/block_types/slug/secret")));
    QCOMPARE(m_server->requestCount(), 4);
}

void TestCloudHttp::retryAfterIsHonoured()
{
    // The backoff alone would wait 20 s; only Retry-After (0.05 s) lets the retry come quickly.
    m_server->setRetryAfter("0.05");
    m_server->setFaultPlan(
        [](const FakeRequest &, int index) { return index == 0 ? Fault::TooManyRequests : Fault::None; });
    RetryPolicy policy = fastPolicy();
    policy.baseDelay = std::chrono::milliseconds(40000);
    policy.maxDelay = std::chrono::milliseconds(40000);
    HttpClient client(m_server->prefect2Url(), m_key, policy);
    auto reply = wait<Result<HttpResponse>>(
        [&](QObject *ctx, auto done) {
            client.send({"GET", QStringLiteral("/block_types/slug/secret"), {}}, ctx, done);
        },
        10000);
    QVERIFY(reply.has_value());
    QVERIFY(reply->ok());
    QCOMPARE(reply->value().attempts, 2);
}

void TestCloudHttp::clientErrorsAreNotRetried()
{
    HttpClient client(m_server->prefect2Url(), m_key, fastPolicy());
    const auto reply = get(client, QStringLiteral("/block_types/slug/secret/block_documents/name/nope"));
    QVERIFY(reply.ok());
    QCOMPARE(reply->status, 404);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestCloudHttp::unauthorizedIsOneErrorAndNotRetried_data()
{
    QTest::addColumn<BackendKind>("kind");
    QTest::newRow("prefect1") << BackendKind::Prefect1;
    QTest::newRow("prefect2") << BackendKind::Prefect2;
}

void TestCloudHttp::unauthorizedIsOneErrorAndNotRetried()
{
    QFETCH(BackendKind, kind);
    const QByteArray wrongKey = randomKey();
    auto remote = backend(kind, wrongKey);
    const auto verified = wait<Status>([&](QObject *ctx, auto done) { remote->verify(ctx, done); });
    QVERIFY(verified.has_value());
    QVERIFY(!verified->ok());
    QCOMPARE(verified->error().failure, Failure::Unauthorized);
    QVERIFY(!verified->error().message.contains(QString::fromLatin1(wrongKey)));
    QCOMPARE(m_server->requestCount(), 1);

    // A write of many secrets still ends in one error, not one per secret.
    QList<RemoteWrite> writes;
    for (int i = 0; i < 30; ++i)
        writes.append({QStringLiteral("s-%1").arg(i), SecretValue::fromString(QStringLiteral("v"))});
    const auto written = wait<Result<QMap<QString, Status>>>(
        [&](QObject *ctx, auto done) { remote->write(writes, ctx, done); });
    QVERIFY(written.has_value());
    QVERIFY(!written->ok());
    QCOMPARE(written->error().failure, Failure::Unauthorized);
    QVERIFY(m_server->secrets().isEmpty());
}

void TestCloudHttp::tlsFailureIsAnErrorAndNotRetried()
{
    QUrl url = m_server->prefect2Url();
    url.setScheme(QStringLiteral("https")); // the fake speaks plain HTTP: the handshake must fail
    HttpClient client(url, m_key, fastPolicy());
    const auto reply = get(client, QStringLiteral("/block_types/slug/secret"));
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().failure, Failure::Remote);
    QCOMPARE(reply.error().code, QStringLiteral("NET003"));
    QCOMPARE(client.requestsSent(), 1);
}

void TestCloudHttp::inFlightIsBounded()
{
    m_server->setLatency(30);
    RetryPolicy policy = fastPolicy();
    policy.maxInFlight = 3;
    HttpClient client(m_server->prefect2Url(), m_key, policy);
    int answered = 0;
    QObject context;
    for (int i = 0; i < 20; ++i) {
        client.send({"GET", QStringLiteral("/block_types/slug/secret"), {}}, &context,
                    [&](Result<HttpResponse> reply) { answered += reply.ok() ? 1 : 0; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 20, 10000);
    QVERIFY(m_server->maxConcurrent() <= 3);
    QVERIFY(m_server->maxConcurrent() >= 2);
}

void TestCloudHttp::backendRoundTrip_data()
{
    unauthorizedIsOneErrorAndNotRetried_data();
}

void TestCloudHttp::backendRoundTrip()
{
    QFETCH(BackendKind, kind);
    auto remote = backend(kind);
    QList<RemoteWrite> writes;
    for (int i = 0; i < 450; ++i) {
        const QString name = QStringLiteral("secret-%1").arg(i, 3, 10, QLatin1Char('0'));
        if (i % 3 == 0)
            writes.append({name, *SecretValue::fromJson(QStringLiteral("{\"k\":\"%1\",\"n\":{\"x\":%2}}")
                                                            .arg(QString::fromLatin1(randomKey()))
                                                            .arg(i)
                                                            .toUtf8())});
        else
            writes.append(
                {name, SecretValue::fromString(QString::fromLatin1(randomKey()) + QStringLiteral(" \"é\\"))});
    }
    const auto written = wait<Result<QMap<QString, Status>>>(
        [&](QObject *ctx, auto done) { remote->write(writes, ctx, done); });
    QVERIFY(written.has_value() && written->ok());
    QCOMPARE(written->value().size(), 450);
    for (const Status &status : written->value())
        QVERIFY(status.ok());
    QCOMPARE(m_server->secrets().size(), 450);
    QVERIFY(m_server->secrets().value(QStringLiteral("secret-003")).isObject()); // the same type comes back
    QVERIFY(m_server->secrets().value(QStringLiteral("secret-004")).isString());

    auto listed = wait<Result<QList<RemoteSecret>>>(
        [&](QObject *ctx, auto done) { remote->list(true, {}, ctx, done); });
    QVERIFY(listed.has_value() && listed->ok());
    QCOMPARE(listed->value().size(), 450);
    QHash<QString, SecretValue> byName;
    for (const RemoteSecret &secret : listed->value()) {
        QVERIFY(secret.value.has_value());
        byName.insert(secret.name, *secret.value);
    }
    for (const RemoteWrite &write : writes)
        QVERIFY2(sameValue(byName.value(write.name), write.value), qPrintable(write.name));

    const QStringList doomed{QStringLiteral("secret-001"), QStringLiteral("secret-002"),
                             QStringLiteral("no-such")};
    const auto removed = wait<Result<QMap<QString, Status>>>(
        [&](QObject *ctx, auto done) { remote->remove(doomed, ctx, done); });
    QVERIFY(removed.has_value() && removed->ok());
    QVERIFY(removed->value().value(QStringLiteral("secret-001")).ok());
    QVERIFY(removed->value().value(QStringLiteral("secret-002")).ok());
    QCOMPARE(removed->value().value(QStringLiteral("no-such")).error().failure, Failure::NotFound);
    QCOMPARE(m_server->secrets().size(), 448);
}

void TestCloudHttp::prefect1BatchesWithAliases()
{
    CloudLink link;
    link.backend = BackendKind::Prefect1;
    link.apiUrl = m_server->prefect1Url();
    Prefect1Backend remote(link, m_key, fastPolicy());
    remote.setBatchSize(40);
    QList<RemoteWrite> writes;
    for (int i = 0; i < 100; ++i)
        writes.append({QStringLiteral("S_%1").arg(i), SecretValue::fromString(QStringLiteral("v%1").arg(i))});
    const auto written = wait<Result<QMap<QString, Status>>>(
        [&](QObject *ctx, auto done) { remote.write(writes, ctx, done); });
    QVERIFY(written.has_value() && written->ok());
    QCOMPARE(m_server->requestCount(), 3); // 40 + 40 + 20
    QCOMPARE(m_server->secrets().size(), 100);
    QCOMPARE(m_server->secrets().value(QStringLiteral("S_42")).toString(), QStringLiteral("v42"));
}

void TestCloudHttp::prefect2LooksUpBlockIdsOnce()
{
    int typeLookups = 0;
    m_server->setFaultPlan([&](const FakeRequest &request, int) {
        if (request.path.endsWith("/block_types/slug/secret") ||
            request.path.endsWith("/block_schemas/filter"))
            ++typeLookups;
        return Fault::None;
    });
    auto remote = backend(BackendKind::Prefect2);
    for (int round = 0; round < 3; ++round) {
        const auto written = wait<Result<QMap<QString, Status>>>([&](QObject *ctx, auto done) {
            remote->write({{QStringLiteral("a-%1").arg(round), SecretValue::fromString(QStringLiteral("x"))}},
                          ctx, done);
        });
        QVERIFY(written.has_value() && written->ok());
    }
    QCOMPARE(typeLookups, 2); // one block type, one schema lookup, for the backend's whole life
}

void TestCloudHttp::lostCreateAnswerIsAdopted()
{
    // The create is applied but its answer lost; the retry meets 409 and the write still succeeds.
    m_server->setFaultPlan([](const FakeRequest &request, int) {
        static bool dropped = false;
        if (request.method == "POST" && request.path == "/api/block_documents" && !dropped) {
            dropped = true;
            return Fault::DropMidResponse;
        }
        return Fault::None;
    });
    auto remote = backend(BackendKind::Prefect2);
    const auto written = wait<Result<QMap<QString, Status>>>([&](QObject *ctx, auto done) {
        remote->write({{QStringLiteral("lost-answer"), SecretValue::fromString(QStringLiteral("second"))}},
                      ctx, done);
    });
    QVERIFY(written.has_value() && written->ok());
    QVERIFY(written->value().value(QStringLiteral("lost-answer")).ok());
    QCOMPARE(m_server->secrets().value(QStringLiteral("lost-answer")).toString(), QStringLiteral("second"));
}

void TestCloudHttp::oversizedAnswerIsCutOff_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::newRow("declared 1 GiB") << Fault::HugeBody;
    QTest::newRow("endless, no length") << Fault::EndlessBody;
}

void TestCloudHttp::oversizedAnswerIsCutOff()
{
    QFETCH(Fault, fault);
    m_server->setFaultPlan([fault](const FakeRequest &, int) { return fault; });
    RetryPolicy policy = fastPolicy();
    policy.timeout = std::chrono::milliseconds(20000);         // the limit must stop it, not the timeout
    HttpClient client(m_server->prefect2Url(), m_key, policy); // default 16 MiB limit
    QCOMPARE(policy.maxResponseBytes, qint64(16) * 1024 * 1024);
    const auto reply = get(client, QStringLiteral("/block_types/slug/secret"));
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, QStringLiteral("NET004"));
    QCOMPARE(reply.error().failure, Failure::Remote);
    QVERIFY2(reply.error().message.contains(QStringLiteral("GET /api/block_types/slug/secret")) &&
                 reply.error().message.contains(QStringLiteral("16 MiB")),
             qPrintable(reply.error().message));
    QCOMPARE(m_server->requestCount(), 1); // not retried: the same answer would come again
    // Cut off while reading: far less than the 1 GiB on offer went out.
    QVERIFY2(m_server->hugeBytesSent() < qint64(64) * 1024 * 1024,
             qPrintable(QString::number(m_server->hugeBytesSent())));
}

void TestCloudHttp::cancelStopsQueuedAndInFlight()
{
    m_server->setLatency(2000);
    RetryPolicy policy = fastPolicy();
    policy.timeout = std::chrono::milliseconds(10000);
    policy.maxInFlight = 2;
    HttpClient client(m_server->prefect2Url(), m_key, policy);
    QObject context;
    QList<Result<HttpResponse>> replies;
    for (int i = 0; i < 5; ++i)
        client.send({"GET", QStringLiteral("/block_types/slug/secret"), {}}, &context,
                    [&](Result<HttpResponse> r) { replies.append(std::move(r)); });
    QVERIFY(QTest::qWaitFor([&] { return m_server->requestCount() == 2; }, 5000));
    QElapsedTimer clock;
    clock.start();
    client.cancelAll();
    QVERIFY(QTest::qWaitFor([&] { return replies.size() == 5; }, 1000));
    QVERIFY(clock.elapsed() < 1000); // did not wait for the server's 2 s answers
    for (const auto &reply : replies) {
        QVERIFY(!reply.ok());
        QVERIFY2(isCancelled(reply.error()), qPrintable(reply.error().toString()));
    }
    QTest::qWait(100);
    QCOMPARE(replies.size(), 5);           // exactly once each
    QCOMPARE(m_server->requestCount(), 2); // the three queued never went out, nothing was retried
    m_server->setLatency(0);
    const auto after = get(client, QStringLiteral("/block_types/slug/secret"));
    QVERIFY(after.ok()); // the client still works
}

namespace {
QStringList *s_cloudLines = nullptr;
QtMessageHandler s_previousHandler = nullptr;
void captureCloudLines(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (s_cloudLines && context.category && QByteArray(context.category) == "secretdesk.cloud")
        s_cloudLines->append(message);
    else if (s_previousHandler)
        s_previousHandler(type, context, message);
}
} // namespace

void TestCloudHttp::debugLogNamesRequestsNeverSecrets()
{
    QStringList lines;
    s_cloudLines = &lines;
    s_previousHandler = qInstallMessageHandler(captureCloudLines);
    QLoggingCategory::setFilterRules(QStringLiteral("secretdesk.cloud.debug=true"));
    auto restore = qScopeGuard([] {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(s_previousHandler);
        s_cloudLines = nullptr;
    });
    m_server->setFaultPlan([](const FakeRequest &r, int) {
        static bool failed = false;
        if (r.method == "POST" && r.path == "/api/block_documents" && !failed) {
            failed = true;
            return Fault::Error500;
        }
        return Fault::None;
    });
    const QString value = QString::fromLatin1(randomKey()) + QStringLiteral("-value");
    const QString jsonPart = QString::fromLatin1(randomKey());
    for (BackendKind kind : {BackendKind::Prefect2, BackendKind::Prefect1}) {
        auto remote = backend(kind);
        const auto written = wait<Result<QMap<QString, Status>>>([&](QObject *ctx, auto done) {
            remote->write({{QStringLiteral("logged-one"), SecretValue::fromString(value)},
                           {QStringLiteral("logged-two"),
                            *SecretValue::fromJson(QStringLiteral("{\"k\":\"%1\"}").arg(jsonPart).toUtf8())}},
                          ctx, done);
        });
        QVERIFY(written.has_value() && written->ok());
    }
    QVERIFY(lines.size() >= 6);
    const QString all = lines.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("POST /api/block_documents -> HTTP 500, attempt 1")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("POST /api/block_documents -> HTTP 201, attempt 2")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("POST / -> HTTP 200, attempt 1")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral(" ms")));
    QVERIFY(!all.contains(value));
    QVERIFY(!all.contains(jsonPart));
    QVERIFY(!all.contains(QString::fromLatin1(m_key)));
    QVERIFY(!all.contains(QLatin1Char('{'))); // no body, request or response
}

QTEST_GUILESS_MAIN(TestCloudHttp)
#include "tst_cloudhttp.moc"
