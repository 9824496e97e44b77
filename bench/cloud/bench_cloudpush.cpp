// Pushes 1,000 secrets to the local fake Prefect with 20 ms of latency per request, the way the
// sync does it (Prefect 2: 8 requests in flight; Prefect 1: 50 aliased mutations per request) and
// the naive way (one request per secret, one at a time). Prints a Markdown table for BENCHMARKS.md.
#include "core/cloud/Prefect1Backend.h"
#include "core/cloud/Prefect2Backend.h"
#include "tests/support/fakeprefect/FakePrefect.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>
#include <optional>

using namespace secretdesk;
using namespace secretdesk::test;

namespace {
struct Figures {
    int requests = 0;
    qint64 ms = 0;
    bool ok = false;
};

Figures pushAll(BackendKind kind, int inFlight, int batchSize, int count, int latencyMs)
{
    FakePrefect server;
    server.listen();
    const QByteArray key = "pnu_bench_" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    server.setApiKey(key);
    server.setLatency(latencyMs);
    CloudLink link;
    link.backend = kind;
    link.apiUrl = kind == BackendKind::Prefect1 ? server.prefect1Url() : server.prefect2Url();
    RetryPolicy policy;
    policy.maxInFlight = inFlight;
    auto backend = CloudBackend::create(link, key, policy);
    if (auto *p1 = qobject_cast<Prefect1Backend *>(backend.get()))
        p1->setBatchSize(batchSize);
    QList<RemoteWrite> writes;
    for (int i = 0; i < count; ++i) {
        writes.append(
            {QStringLiteral("bench-secret-%1").arg(i),
             SecretValue::fromString(QString::number(QRandomGenerator::global()->generate64(), 36))});
    }
    QElapsedTimer timer;
    timer.start();
    std::optional<Result<QMap<QString, Status>>> result;
    QObject context;
    backend->write(writes, &context, [&](Result<QMap<QString, Status>> r) { result.emplace(std::move(r)); });
    while (!result)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    Figures figures;
    figures.ms = timer.elapsed();
    figures.requests = server.requestCount();
    figures.ok = result->ok() && server.secrets().size() == count;
    return figures;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = 1000;
    const int latency = 20;
    QTextStream out(stdout);
    out << "| Backend | Sending | Requests | Wall time | Result |\n|---|---|---:|---:|---|\n";
    const auto row = [&](const char *backend, const char *how, const Figures &f) {
        out << "| " << backend << " | " << how << " | " << f.requests << " | " << f.ms << " ms | "
            << (f.ok ? "all 1,000 stored" : "FAILED") << " |\n";
        out.flush();
    };
    row("prefect2", "8 in flight (sync)", pushAll(BackendKind::Prefect2, 8, 1, count, latency));
    row("prefect2", "1 request per secret, sequential", pushAll(BackendKind::Prefect2, 1, 1, count, latency));
    row("prefect1", "50 aliased mutations per request, 8 in flight (sync)",
        pushAll(BackendKind::Prefect1, 8, 50, count, latency));
    row("prefect1", "1 request per secret, sequential", pushAll(BackendKind::Prefect1, 1, 1, count, latency));
    return 0;
}
