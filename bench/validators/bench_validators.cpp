// Throughput of ValidatorRegistry::validateText on GCP service-account documents (every one
// parses its RSA key with OpenSSL), and the latency of one validation of a 4 KiB document (the
// editor validates on every debounced keystroke). Prints the figures for docs/BENCHMARKS.md.
#include "TestMaterial.h"

#include "core/validators/ValidatorRegistry.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace secretdesk;

namespace {

QByteArray serviceAccount(TestMaterial &material, const QByteArray &pem, int index)
{
    QJsonObject doc{
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), QStringLiteral("demo-project")},
        {QStringLiteral("private_key_id"), QString::fromLatin1(material.randomChars(40, "0123456789abcdef"))},
        {QStringLiteral("private_key"), QString::fromLatin1(pem)},
        {QStringLiteral("client_email"),
         QStringLiteral("sa-%1@demo-project.iam.gserviceaccount.com").arg(index)},
        {QStringLiteral("client_id"), QString::number(100000000000000000LL + index)},
        {QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")},
        {QStringLiteral("auth_provider_x509_cert_url"),
         QStringLiteral("https://www.googleapis.com/oauth2/v1/certs")},
        {QStringLiteral("client_x509_cert_url"),
         QStringLiteral(
             "https://www.googleapis.com/robot/v1/metadata/x509/sa-%1%40demo-project.iam.gserviceaccount.com")
             .arg(index)},
    };
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

} // namespace

int main(int argc, char **argv)
{
    const int documents = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int distinctKeys = 16;
    TestMaterial material(1);
    QList<QByteArray> pems;
    for (int i = 0; i < distinctKeys; ++i) {
        TestMaterial keys(static_cast<quint32>(i)); // a fresh cache: a new 2048-bit key each time
        pems << keys.pem(TestMaterial::KeyKind::RsaPkcs8);
    }
    QList<QByteArray> docs;
    qint64 bytes = 0;
    for (int i = 0; i < documents; ++i) {
        docs << serviceAccount(material, pems.at(i % distinctKeys), i);
        bytes += docs.last().size();
    }

    const ValidatorRegistry registry;
    const QString kind = QStringLiteral("GCP_CREDENTIALS");
    int withFindings = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &doc : std::as_const(docs))
        withFindings += registry.validateText(kind, doc).isEmpty() ? 0 : 1;
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    // Keystroke latency: the median of 200 validations of one ~4 KiB document.
    QByteArray big = docs.first();
    big.insert(big.lastIndexOf('}'),
               ",\n  \"trust_boundary\": \"" + QByteArray(4096 - big.size() - 30, 'x') + "\"\n");
    QList<qint64> samples;
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer one;
        one.start();
        (void)registry.validateText(kind, big);
        samples << one.nsecsElapsed();
    }
    std::sort(samples.begin(), samples.end());

    std::printf("documents: %d (%d distinct 2048-bit keys), %.1f MB, %d with findings (expected 0)\n",
                documents, distinctKeys, static_cast<double>(bytes) / 1e6, withFindings);
    std::printf("total: %.3f s, %.0f documents/s, %.1f us/document\n", seconds, documents / seconds,
                seconds * 1e6 / documents);
    std::printf("4 KiB document (%lld bytes): median %.1f us, max %.1f us over 200 runs\n",
                static_cast<long long>(big.size()), static_cast<double>(samples.at(100)) / 1e3,
                static_cast<double>(samples.last()) / 1e3);
    return withFindings == 0 ? 0 : 1;
}
