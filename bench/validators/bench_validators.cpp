// Validates 10,000 generated GCP service-account documents (PEM key parsing included) and a 4 KiB
// document many times over (the editor's per-keystroke case). Prints throughput; figures go in
// docs/BENCHMARKS.md. Usage: bench_validators [documents] [keys-in-pool]
#include "core/validators/ValidatorRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <QRandomGenerator>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <memory>

using namespace secretdesk;

namespace {
// A fresh RSA key as PKCS#8 PEM, made in process (nothing is written to disk).
QByteArray freshRsaKey(int bits)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(static_cast<unsigned>(bits)),
                                                            &EVP_PKEY_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

QString hexId()
{
    QString out;
    for (int i = 0; i < 40; ++i)
        out += QLatin1Char("0123456789abcdef"[QRandomGenerator::global()->bounded(16)]);
    return out;
}

QByteArray serviceAccount(const QByteArray &key, int i)
{
    const QString project = QStringLiteral("bench-project-%1").arg(i % 97);
    const QString email = QStringLiteral("robot-%1@%2.iam.gserviceaccount.com").arg(i).arg(project);
    QJsonObject o{
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), project},
        {QStringLiteral("private_key_id"), hexId()},
        {QStringLiteral("private_key"), QString::fromLatin1(key)},
        {QStringLiteral("client_email"), email},
        {QStringLiteral("client_id"), QString::number(100000000000000000ull + static_cast<quint64>(i))},
        {QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")},
        {QStringLiteral("auth_provider_x509_cert_url"),
         QStringLiteral("https://www.googleapis.com/oauth2/v1/certs")},
        {QStringLiteral("client_x509_cert_url"),
         QStringLiteral("https://www.googleapis.com/robot/v1/metadata/x509/") +
             QString(email).replace(QLatin1Char('@'), QLatin1String("%40"))},
        {QStringLiteral("universe_domain"), QStringLiteral("googleapis.com")},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int documents = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int poolSize = args.size() > 2 ? args.at(2).toInt() : 16;
    QTextStream out(stdout);

    QElapsedTimer timer;
    timer.start();
    QList<QByteArray> keys;
    for (int i = 0; i < poolSize; ++i)
        keys << freshRsaKey(2048);
    QList<QByteArray> docs;
    qint64 bytes = 0;
    for (int i = 0; i < documents; ++i) {
        docs << serviceAccount(keys.at(i % keys.size()), i);
        bytes += docs.last().size();
    }
    out << "generated " << documents << " documents (" << poolSize << " distinct 2048-bit keys) in "
        << timer.elapsed() << " ms\n";

    timer.restart();
    const ValidatorRegistry registry;
    out << "registry construction: " << timer.nsecsElapsed() / 1000 << " us\n";

    int withErrors = 0;
    timer.restart();
    for (const QByteArray &doc : docs)
        withErrors += hasErrors(registry.validateText(QStringLiteral("GCP_CREDENTIALS"), doc)) ? 1 : 0;
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    out << QStringLiteral(
               "validated %1 service-account documents (%2 MiB) in %3 s: %4 documents/s, %5 MiB/s, "
               "%6 us/document; %7 with errors\n")
               .arg(documents)
               .arg(static_cast<double>(bytes) / 1048576.0, 0, 'f', 1)
               .arg(seconds, 0, 'f', 3)
               .arg(documents / seconds, 0, 'f', 0)
               .arg(static_cast<double>(bytes) / 1048576.0 / seconds, 0, 'f', 1)
               .arg(seconds * 1e6 / documents, 0, 'f', 1)
               .arg(withErrors);

    // The editor case: one ~4 KiB document (4096-bit key) validated on every keystroke.
    const QByteArray big = serviceAccount(freshRsaKey(4096), 1);
    QList<qint64> samples;
    for (int i = 0; i < 500; ++i) {
        timer.restart();
        (void)registry.validateText(QStringLiteral("GCP_CREDENTIALS"), big);
        samples << timer.nsecsElapsed();
    }
    std::sort(samples.begin(), samples.end());
    out << QStringLiteral("one %1-byte document: median %2 us, p99 %3 us\n")
               .arg(big.size())
               .arg(samples.at(samples.size() / 2) / 1000)
               .arg(samples.at(samples.size() * 99 / 100) / 1000);
    return withErrors == 0 ? 0 : 1;
}
