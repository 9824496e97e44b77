#include "core/cloud/HttpClient.h"

#include "core/cloud/Cancellation.h"
#include "core/cloud/CloudLog.h"
#include "core/model/SecureBytes.h"

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
QString byteSize(qint64 bytes)
{
    constexpr qint64 MiB = 1024 * 1024;
    if (bytes >= MiB && bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    return QStringLiteral("%1 bytes").arg(bytes);
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
    wipeBytes(m_authorization);
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

void HttpClient::cancelAll()
{
    const std::deque<std::shared_ptr<Job>> queued = std::exchange(m_queue, {});
    const QList<std::shared_ptr<Job>> active = m_active;
    for (const auto &job : active) {
        job->cancelled = true;
        if (job->reply)
            job->reply->abort(); // finished() reports it as cancelled
        else
            complete(job, cancelledError(describe(*job))); // waiting for a retry
    }
    for (const auto &job : queued)
        complete(job, cancelledError(describe(*job)));
}

QString HttpClient::describe(const Job &job) const
{
    const QString path = m_baseUrl.path() + job.request.path;
    return QString::fromLatin1(job.request.method) + QLatin1Char(' ') +
           (path.isEmpty() ? QStringLiteral("/") : path);
}

void HttpClient::watchSize(const std::shared_ptr<Job> &job, QNetworkReply *reply)
{
    // Checked as the answer arrives, so an endless or huge body is cut off near the limit instead
    // of being buffered whole.
    const qint64 limit = m_policy.maxResponseBytes;
    auto check = [job, reply, limit](qint64 size) {
        if (size > limit && !job->oversize) {
            job->oversize = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, check] {
        bool known = false;
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known)
            check(length);
    });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [check](qint64 received, qint64) { check(received); });
}

void HttpClient::pump()
{
    while (m_inFlight < m_policy.maxInFlight && !m_queue.empty()) {
        auto job = m_queue.front();
        m_queue.pop_front();
        if (!job->context) {
            complete(job, cancelledError(describe(*job))); // nobody waits for it: just forget it
            continue;
        }
        start(job);
    }
}

void HttpClient::start(std::shared_ptr<Job> job)
{
    ++m_inFlight;
    ++m_sent;
    if (job->attempts++ == 0)
        m_active.append(job);
    job->clock.start();
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
    job->reply = reply;
    watchSize(job, reply);
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
        job->reply = nullptr;
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
    qCDebug(secretdeskCloud).noquote()
        << QStringLiteral("%1 -> %2, attempt %3, %4 ms")
               .arg(describe(*job), job->cancelled  ? QStringLiteral("cancelled")
                                    : job->oversize ? QStringLiteral("over the size limit")
                                    : timedOut      ? QStringLiteral("timed out")
                                    : status > 0    ? QStringLiteral("HTTP %1").arg(status)
                                                    : QStringLiteral("network error %1").arg(int(error)))
               .arg(job->attempts)
               .arg(job->clock.elapsed());
    if (job->cancelled) {
        complete(job, cancelledError(describe(*job)));
        return;
    }
    if (job->oversize) {
        complete(job, remoteError(QStringLiteral("NET004"),
                                  QStringLiteral("the answer to %1 is larger than the %2 limit")
                                      .arg(describe(*job), byteSize(m_policy.maxResponseBytes)),
                                  where));
        return;
    }
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
        if (job->finished)
            return; // cancelled while waiting
        m_queue.push_front(job);
        pump();
    });
}

void HttpClient::complete(const std::shared_ptr<Job> &job, Result<HttpResponse> result)
{
    if (job->finished)
        return;
    job->finished = true;
    m_active.removeOne(job);
    if (job->context)
        job->done(std::move(result));
}

} // namespace secretdesk
