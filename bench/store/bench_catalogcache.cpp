// bench_catalogcache [SECRETS]: what the catalog cache saves. Compares the old read path (read and
// parse catalog.json on every call) with CatalogFile::load() (stat, then the cached parse), for the
// calls a cloud pull makes per secret, and prints the cost of one locked catalog write.
#include "core/store/CatalogFile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace secretdesk;

namespace {

Catalog makeCatalog(int secrets)
{
    Catalog catalog;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < secrets; ++i) {
        SecretRecord r{*SecretName::parse(QStringLiteral("SECRET_%1").arg(i, 4, 10, QLatin1Char('0')))};
        r.kind = i % 3 == 0 ? QStringLiteral("GITHUB_ACCESS_TOKEN") : QString();
        r.note = QStringLiteral("note %1").arg(i);
        r.created = now;
        r.updated = now;
        catalog.upsert(ProfileName::defaultProfile(), r);
    }
    return catalog;
}

// The read path before the cache: every call read and parsed the whole file.
Result<Catalog> loadUncached(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic::error(Failure::Io, QStringLiteral("BENCH"), QStringLiteral("cannot read"));
    return Catalog::fromJson(file.readAll(), path);
}

template<class F>
double perCallMicros(int calls, F &&call)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < calls; ++i)
        call(i);
    return static_cast<double>(timer.nsecsElapsed()) / 1000.0 / calls;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int secrets = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 1000;
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/catalog.json");
    CatalogFile file(path);
    const Catalog seed = makeCatalog(secrets);
    if (!file.update([&](Catalog &c) {
            c = seed;
            return Status();
        }))
        return 1;
    const ProfileName profile = ProfileName::defaultProfile();
    const int calls = 1000;
    const auto nameOf = [secrets](int i) {
        return *SecretName::parse(QStringLiteral("SECRET_%1").arg(i % secrets, 4, 10, QLatin1Char('0')));
    };
    std::size_t sink = 0;

    const double recordsBefore =
        perCallMicros(calls, [&](int) { sink += loadUncached(path)->records(profile).size(); });
    const double recordsAfter =
        perCallMicros(calls, [&](int) { sink += file.load()->records(profile).size(); });
    const double findBefore =
        perCallMicros(calls, [&](int i) { sink += loadUncached(path)->find(profile, nameOf(i)) != nullptr; });
    const double findAfter =
        perCallMicros(calls, [&](int i) { sink += file.load()->find(profile, nameOf(i)) != nullptr; });
    const int writes = 200;
    const double write = perCallMicros(writes, [&](int i) {
        (void)file.update([&](Catalog &c) {
            SecretRecord r = *c.find(profile, nameOf(i));
            r.updated = QDateTime::currentDateTimeUtc();
            c.upsert(profile, r);
            return Status();
        });
    });

    std::printf("catalog with %d secrets (%lld bytes), %d calls each\n", secrets,
                static_cast<long long>(QFile(path).size()), calls);
    std::printf("records(profile): before %.1f us/call, cached %.1f us/call (%.0fx)\n", recordsBefore,
                recordsAfter, recordsBefore / recordsAfter);
    std::printf("record(name):     before %.1f us/call, cached %.1f us/call (%.0fx)\n", findBefore, findAfter,
                findBefore / findAfter);
    std::printf("locked update (read, compare, change, write, fsync): %.1f us/call over %d writes\n", write,
                writes);
    std::printf("parses by the cached file: %llu\n", static_cast<unsigned long long>(file.parseCount()));
    return sink == 0 ? 1 : 0;
}
