// Times every export target on 10,000 secrets held in memory and prints a Markdown table.
//   bench_exporters [count] [repetitions] [target id|none]
// With a target id only that target runs; "none" only builds the values (a baseline for
// instruction counts under `valgrind --tool=callgrind`, which do not depend on the machine's load).
// The values are generated from a fixed seed: API-token-like strings, strings with quotes, $,
// backslashes and spaces, compact JSON objects, and 1.6 KiB PEM-shaped blocks (no real key material).
// Each target first checks every entry (refusals()), then renders the entries it accepts; the
// table gives the median of the repetitions for both steps.

#include "core/exporters/ExporterRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace secretdesk;

namespace {

QByteArray randomFrom(QRandomGenerator &rng, const char *alphabet, int length)
{
    const auto size = static_cast<quint32>(qstrlen(alphabet));
    QByteArray out(length, Qt::Uninitialized);
    for (char &c : out)
        c = alphabet[rng.bounded(size)];
    return out;
}

QByteArray pemShaped(QRandomGenerator &rng)
{
    static const char *const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    QByteArray out = "-----BEGIN TEST BLOCK-----\n";
    for (int line = 0; line < 26; ++line)
        out += randomFrom(rng, base64, 64) + '\n';
    out += "-----END TEST BLOCK-----\n";
    return out;
}

QList<ExportEntry> makeEntries(int count)
{
    QRandomGenerator rng(20261129);
    QList<ExportEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        const quint32 kind = rng.bounded(10u);
        QByteArray value;
        if (kind < 6)
            value = randomFrom(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 40);
        else if (kind < 8)
            value = randomFrom(rng, "abc XYZ 019 '\"$`\\!%#=&|;<>(){}~*?", 48);
        else if (kind < 9)
            value = "{\"user\":\"" + randomFrom(rng, "abcdefghij", 12) + "\",\"password\":\"" +
                    randomFrom(rng, "ABCDEFabcdef0123456789", 32) + "\"}";
        else
            value = pemShaped(rng);
        entries.append({QStringLiteral("SECRET_%1").arg(i, 5, 10, QLatin1Char('0')), value});
    }
    return entries;
}

double medianMs(std::vector<qint64> nanoseconds)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return static_cast<double>(nanoseconds[nanoseconds.size() / 2]) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int repetitions = args.size() > 2 ? args.at(2).toInt() : 7;
    const QString only = args.size() > 3 ? args.at(3) : QString();
    const QList<ExportEntry> entries = makeEntries(count);
    const ExporterRegistry registry = ExporterRegistry::withBuiltins();

    QTextStream out(stdout);
    out << "| target | accepted | refused | check all (ms) | render accepted (ms) | output (KiB) |\n";
    out << "|---|---:|---:|---:|---:|---:|\n";
    for (const QString &id : registry.ids()) {
        if (!only.isEmpty() && id != only)
            continue;
        const Exporter *exporter = registry.find(id);
        QList<ExportEntry> accepted;
        for (const ExportEntry &entry : entries) {
            if (exporter->check(entry).ok())
                accepted.append(entry);
        }
        std::vector<qint64> checkTimes;
        std::vector<qint64> renderTimes;
        qsizetype outputSize = 0;
        for (int r = 0; r < repetitions; ++r) {
            QElapsedTimer timer;
            timer.start();
            const QList<Diagnostic> refused = exporter->refusals(entries);
            checkTimes.push_back(timer.nsecsElapsed());
            timer.restart();
            const Result<QByteArray> rendered = exporter->render(accepted);
            renderTimes.push_back(timer.nsecsElapsed());
            if (!rendered.ok() || refused.size() != entries.size() - accepted.size()) {
                out << "inconsistent result for " << id << "\n";
                return 1;
            }
            outputSize = rendered->size();
        }
        out << "| " << id << " | " << accepted.size() << " | " << entries.size() - accepted.size() << " | "
            << QString::number(medianMs(checkTimes), 'f', 2) << " | "
            << QString::number(medianMs(renderTimes), 'f', 2) << " | " << outputSize / 1024 << " |\n";
    }
    return 0;
}
