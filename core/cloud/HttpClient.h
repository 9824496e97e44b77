#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <deque>
#include <functional>
#include <random>

class QNetworkReply;

namespace secretdesk {

// Timeouts, retries and concurrency of one sync run; tests shrink them so that no test sleeps.
struct RetryPolicy {
    std::chrono::milliseconds timeout{30000};       // per attempt, headers and body included
    int maxAttempts = 5;                            // first try included
    std::chrono::milliseconds baseDelay{500};       // doubled per retry, with jitter
    std::chrono::milliseconds maxDelay{30000};      // cap on one backoff pause
    std::chrono::milliseconds maxRetryAfter{60000}; // cap on a server's Retry-After
    int maxInFlight = 8;
    qint64 maxResponseBytes = 16 * 1024 * 1024; // a larger answer is an error, aborted while reading

    // The defaults, with SECRETDESK_CLOUD_TIMEOUT_MS, SECRETDESK_CLOUD_RETRY_BASE_MS and
    // SECRETDESK_CLOUD_ATTEMPTS applied (scripts and tests shorten them).
    static RetryPolicy fromEnvironment();
};

struct HttpRequest {
    QByteArray method; // GET, POST, PATCH, DELETE
    QString path;      // appended to the base URL's path ("" for the base itself)
    QByteArray body;   // JSON, or empty
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    int attempts = 1;
};

// HTTP over one QNetworkAccessManager with a bounded number of requests in flight. Retries
// connection errors, timeouts, 429 (honouring Retry-After) and 5xx with exponential backoff and
// jitter; 401/403 fail as Failure::Unauthorized; other statuses are returned to the caller.
// Certificate errors are never ignored. The API key goes only into the Authorization header.
// An answer larger than RetryPolicy::maxResponseBytes is aborted as soon as it grows past the limit.
class HttpClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<HttpResponse>)>;

    HttpClient(QUrl baseUrl, QByteArray apiKey, RetryPolicy policy, QObject *parent = nullptr);
    ~HttpClient() override;

    void setHeader(const QByteArray &name, const QByteArray &value);
    const RetryPolicy &policy() const { return m_policy; }
    // Attempts put on the wire so far (retries included): the benchmark's request count.
    int requestsSent() const { return m_sent; }

    // `done` runs exactly once unless `context` is destroyed first.
    void send(const HttpRequest &request, QObject *context, Done done);
    // Fails every queued and waiting request and aborts those in flight, each with cancelledError();
    // nothing is retried. Requests sent afterwards run normally.
    void cancelAll();

private:
    struct Job {
        HttpRequest request;
        QPointer<QObject> context;
        Done done;
        int attempts = 0;
        bool finished = false;
        bool cancelled = false;
        bool oversize = false;
        QPointer<QNetworkReply> reply; // while in flight
        QElapsedTimer clock;           // of the current attempt
    };
    void pump();
    void start(std::shared_ptr<Job> job);
    void finished(std::shared_ptr<Job> job, QNetworkReply *reply, bool timedOut);
    void retryLater(std::shared_ptr<Job> job, std::chrono::milliseconds serverDelay, const Diagnostic &why);
    void complete(const std::shared_ptr<Job> &job, Result<HttpResponse> result);
    void watchSize(const std::shared_ptr<Job> &job, QNetworkReply *reply);
    QString describe(const Job &job) const; // "POST /api/x": method and URL path, never a query or body
    std::chrono::milliseconds backoff(int attempt);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_authorization;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    RetryPolicy m_policy;
    std::deque<std::shared_ptr<Job>> m_queue;
    QList<std::shared_ptr<Job>> m_active; // in flight or waiting for a retry
    int m_inFlight = 0;
    int m_sent = 0;
    std::minstd_rand m_random;
};

} // namespace secretdesk
