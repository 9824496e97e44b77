// Times PrefectCodec::encodeEnv and encodeToml on 10,000 generated values and prints a Markdown row.
//   bench_prefect [count] [repetitions]
// The values come from a fixed seed: plain tokens, text with quotes, "$", "~", backslashes and
// unicode, JSON-looking text, and AWS-shaped and nested JSON objects (no real credentials).

#include "core/prefect/PrefectCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace secretdesk;

namespace {

std::vector<SecretValue> values(int count)
{
    QRandomGenerator rng(42);
    const QStringList pieces = {QStringLiteral("plain-token"), QStringLiteral("123"),
                                QStringLiteral("pa$HOME"),     QStringLiteral("'\"quoted\"'"),
                                QStringLiteral("~/k"),         QStringLiteral("a\\b"),
                                QStringLiteral("caf\u00e9"),   QStringLiteral("null"),
                                QStringLiteral("${x}"),        QStringLiteral(" "),
                                QStringLiteral("\n")};
    std::vector<SecretValue> out;
    for (int i = 0; i < count; ++i) {
        switch (i % 4) {
        case 0: {
            QString token;
            for (int k = 0; k < 40; ++k)
                token += QChar(char16_t(rng.bounded('a', 'z' + 1)));
            out.push_back(SecretValue::fromString(token));
            break;
        }
        case 1:
        case 2: {
            QString text;
            for (int k = 0, n = int(rng.bounded(1, 6)); k < n; ++k)
                text += pieces.at(int(rng.bounded(pieces.size())));
            out.push_back(SecretValue::fromString(text));
            break;
        }
        default: {
            const QByteArray json =
                i % 8 == 3 ? QByteArray(R"({"ACCESS_KEY":"AKTEST)") + QByteArray::number(i) +
                                 R"(","SECRET_ACCESS_KEY":"s3cr3t/x+y","SESSION_TOKEN":null})"
                           : QByteArray(R"({"type":"service_account","n":)") + QByteArray::number(i) +
                                 R"(,"ok":true,"nested":{"a\/b":"x${y}","list":[1,"two",null]}})";
            out.push_back(SecretValue::fromJson(json).value());
        }
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int repetitions = args.size() > 2 ? args.at(2).toInt() : 5;
    const auto input = values(count);
    QTextStream out(stdout);
    out << "| operation | values | median ms | per value µs |\n|---|---|---|---|\n";
    for (const bool env : {true, false}) {
        std::vector<qint64> times;
        for (int r = 0; r < repetitions; ++r) {
            QElapsedTimer timer;
            timer.start();
            qsizetype bytes = 0;
            for (const auto &value : input) {
                const auto text = env ? PrefectCodec::encodeEnv(value) : PrefectCodec::encodeToml(value);
                bytes += text ? text.value().size() : 0;
            }
            times.push_back(timer.nsecsElapsed());
            if (bytes == 0)
                return 1;
        }
        std::sort(times.begin(), times.end());
        const double ms = double(times[times.size() / 2]) / 1e6;
        out << "| " << (env ? "encodeEnv" : "encodeToml") << " | " << count << " | "
            << QString::number(ms, 'f', 1) << " | " << QString::number(ms * 1000 / count, 'f', 2) << " |\n";
    }
    return 0;
}
