#include "core/cloud/HttpClient.h"

#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace secretdesk {

namespace {
Diagnostic remoteError(const QString &code, const QString &message, const QString &where)
{
    Location location;
    location.file = where;
    return Diagnostic::error(Failure::Remote, code, message, location);
}

bool isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

// Retry-After in seconds (an HTTP date is rare from APIs and is treated as absent).
std::chrono::milliseconds retryAfter(QNetworkReply *reply)
{
    bool ok = false;
    const double seconds = reply->rawHeader("Retry-After").trimmed().toDouble(&ok);
    if (!ok || seconds < 0)
        return std::chrono::milliseconds(-1);
    return std::chrono::milliseconds(static_cast<qint64>(seconds * 1000));
}
int environmentInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}
} // namespace

RetryPolicy RetryPolicy::fromEnvironment()
{
    RetryPolicy policy;
    policy.timeout = std::chrono::milliseconds(
        environmentInt("SECRETDESK_CLOUD_TIMEOUT_MS", static_cast<int>(policy.timeout.count())));
    policy.baseDelay = std::chrono::milliseconds(
        environmentInt("SECRETDESK_CLOUD_RETRY_BASE_MS", static_cast<int>(policy.baseDelay.count())));
    policy.maxAttempts = environmentInt("SECRETDESK_CLOUD_ATTEMPTS", policy.maxAttempts);
    return policy;
}

HttpClient::HttpClient(QUrl baseUrl, QByteArray apiKey, RetryPolicy policy, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_authorization(QByteArrayLiteral("Bearer ") + apiKey)
    , m_policy(policy)
    , m_random(std::random_device{}())
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_policy.maxInFlight = std::max(1, m_policy.maxInFlight);
    m_policy.maxAttempts = std::max(1, m_policy.maxAttempts);
}

HttpClient::~HttpClient()
{
    m_authorization.fill('\0');
}

void HttpClient::setHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

void HttpClient::send(const HttpRequest &request, QObject *context, Done done)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->context = context;
    job->done = std::move(done);
    m_queue.push_back(std::move(job));
    pump();
}

void HttpClient::pump()
{
    while (m_inFlight < m_policy.maxInFlight && !m_queue.empty()) {
        auto job = m_queue.front();
        m_queue.pop_front();
        if (!job->context)
            continue;
        start(job);
    }
}

void HttpClient::start(std::shared_ptr<Job> job)
{
    ++m_inFlight;
    ++m_sent;
    ++job->attempts;
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + job->request.path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    if (!job->request.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : std::as_const(m_headers))
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, job->request.method, job->request.body);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_policy.timeout);
    connect(reply, &QNetworkReply::finished, this, [this, job, reply, timedOut] {
        --m_inFlight;
        finished(job, reply, *timedOut);
        reply->deleteLater();
        pump();
    });
}

void HttpClient::finished(std::shared_ptr<Job> job, QNetworkReply *reply, bool timedOut)
{
    const QString where = QString::fromLatin1(job->request.method) + QLatin1Char(' ') +
                          reply->url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (timedOut) {
        retryLater(
            job, std::chrono::milliseconds(-1),
            remoteError(QStringLiteral("NET002"),
                        QStringLiteral("no complete answer within %1 ms").arg(m_policy.timeout.count()),
                        where));
        return;
    }
    if (status == 401 || status == 403) {
        complete(job, Diagnostic::error(Failure::Unauthorized, QStringLiteral("NET401"),
                                        QStringLiteral("the server rejected the API key (HTTP %1): run "
                                                       "'secretdesk-cli cloud login' with a valid key")
                                            .arg(status)));
        return;
    }
    if (status == 429 || status >= 500) {
        retryLater(job, status == 429 ? retryAfter(reply) : std::chrono::milliseconds(-1),
                   remoteError(QStringLiteral("NET%1").arg(status),
                               QStringLiteral("the server answered HTTP %1").arg(status), where));
        return;
    }
    if (status == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        const bool tls = error == QNetworkReply::SslHandshakeFailedError;
        Diagnostic why = remoteError(
            tls ? QStringLiteral("NET003") : QStringLiteral("NET001"),
            tls ? QStringLiteral("TLS certificate or handshake error: %1").arg(reply->errorString())
                : QStringLiteral("connection failed: %1").arg(reply->errorString()),
            where);
        if (!tls && isRetryableNetworkError(error))
            retryLater(job, std::chrono::milliseconds(-1), why);
        else
            complete(job, why);
        return;
    }
    HttpResponse response;
    response.status = status;
    response.body = reply->readAll();
    response.attempts = job->attempts;
    complete(job, response);
}

std::chrono::milliseconds HttpClient::backoff(int attempt)
{
    // Exponential with "equal jitter": half fixed, half random, so retries of many requests spread out.
    const qint64 cap = m_policy.maxDelay.count();
    const qint64 base = std::min<qint64>(cap, m_policy.baseDelay.count() << std::min(attempt - 1, 20));
    std::uniform_int_distribution<qint64> spread(0, std::max<qint64>(0, base / 2));
    return std::chrono::milliseconds(base / 2 + spread(m_random));
}

void HttpClient::retryLater(std::shared_ptr<Job> job, std::chrono::milliseconds serverDelay,
                            const Diagnostic &why)
{
    if (job->attempts >= m_policy.maxAttempts) {
        Diagnostic error = why;
        error.message += QStringLiteral(" (gave up after %1 attempts)").arg(job->attempts);
        complete(job, error);
        return;
    }
    const std::chrono::milliseconds delay =
        serverDelay.count() >= 0 ? std::min(serverDelay, m_policy.maxRetryAfter) : backoff(job->attempts);
    QTimer::singleShot(delay, this, [this, job] {
        m_queue.push_front(job);
        pump();
    });
}

void HttpClient::complete(const std::shared_ptr<Job> &job, Result<HttpResponse> result)
{
    if (job->context)
        job->done(std::move(result));
}

} // namespace secretdesk
