// The fuzz smoke run of the normal (GCC) build: every seed of tests/fuzz/corpus, seeds made here
// with generated keys and tokens, and a fixed number of deterministic mutations of each go
// through the same entry point as the libFuzzer target.
#include "core/validators/ValidatorRegistry.h"
#include "tests/fuzz/ValidatorFuzzEntry.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace secretdesk;

namespace {
// A throwaway RSA key made in process for the generated seeds (never written anywhere).
QString generatedRsaKey()
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(1024), &EVP_PKEY_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromLatin1(data, static_cast<qsizetype>(size));
}

QString randomText(QRandomGenerator &random, int length, const char *alphabet)
{
    const int n = static_cast<int>(qstrlen(alphabet));
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[random.bounded(n)]);
    return out;
}

void feed(const QByteArray &bytes)
{
    fuzz::validateEverything(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                             static_cast<std::size_t>(bytes.size()));
}

QByteArray mutate(QByteArray bytes, QRandomGenerator &random)
{
    static const QByteArray interesting[] = {"\"",  "\\", "\\\\n", "{",       "}",       "[",    "]",
                                             ",",   ":",  "\\u",   "\\ud800", "\xC3",    "\xFF", "null",
                                             "-0e", "\n", " ",     "\t",      "\"type\""};
    const int steps = 1 + random.bounded(4);
    for (int s = 0; s < steps; ++s) {
        const qsizetype at = bytes.isEmpty() ? 0 : random.bounded(static_cast<int>(bytes.size()));
        switch (random.bounded(5)) {
        case 0: // flip a bit
            if (!bytes.isEmpty())
                bytes[at] = static_cast<char>(bytes.at(at) ^ (1 << random.bounded(8)));
            break;
        case 1: // delete a run
            bytes.remove(at, 1 + random.bounded(8));
            break;
        case 2: { // insert a token that parsers care about
            const auto &token = interesting[random.bounded(static_cast<int>(std::size(interesting)))];
            bytes.insert(at, token);
            break;
        }
        case 3: // truncate
            bytes.truncate(at);
            break;
        default: // duplicate a slice
            bytes.insert(at, bytes.mid(random.bounded(static_cast<int>(bytes.size() + 1)), 16));
        }
    }
    return bytes;
}
} // namespace

class TestFuzzReplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void seedsAndMutations_data();
    void seedsAndMutations();
    void deepNestingIsBounded();

private:
    QList<QPair<QString, QByteArray>> m_seeds;
};

void TestFuzzReplay::initTestCase()
{
    // A registry without kinds would make every run below pass without validating anything.
    const ValidatorRegistry registry;
    QVERIFY(registry.loadErrors().isEmpty());
    QVERIFY(registry.kinds().size() >= 12);
    const QDir dir(qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/tests/fuzz/corpus"));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_seeds.append({name, file.readAll()});
    }
    QVERIFY2(m_seeds.size() >= 10, "tests/fuzz/corpus holds the seeds");
    // Seeds with real structure inside (a generated key, random key material), never stored on disk.
    QRandomGenerator random(2026);
    const char *alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QJsonObject sa{
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), QStringLiteral("demo-project")},
        {QStringLiteral("private_key"), generatedRsaKey()},
        {QStringLiteral("client_email"), QStringLiteral("robot@demo-project.iam.gserviceaccount.com")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")}};
    m_seeds.append({QStringLiteral("generated service account"), QJsonDocument(sa).toJson()});
    QString escaped = QString::fromUtf8(QJsonDocument(sa).toJson());
    escaped.replace(QLatin1String("\\n"), QLatin1String("\\\\n"));
    m_seeds.append({QStringLiteral("generated double-escaped key"), escaped.toUtf8()});
    m_seeds.append({QStringLiteral("generated token"),
                    (QStringLiteral("ghp_") + randomText(random, 36, alnum)).toUtf8()});
    QJsonObject aws{{QStringLiteral("ACCESS_KEY"),
                     QStringLiteral("ASIA") + randomText(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")},
                    {QStringLiteral("SECRET_ACCESS_KEY"), randomText(random, 40, alnum)},
                    {QStringLiteral("SESSION_TOKEN"), randomText(random, 300, alnum)}};
    m_seeds.append({QStringLiteral("generated aws"), QJsonDocument(aws).toJson()});
}

void TestFuzzReplay::seedsAndMutations_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_seeds.size(); ++i)
        QTest::newRow(qPrintable(m_seeds.at(i).first)) << i;
}

void TestFuzzReplay::seedsAndMutations()
{
    QFETCH(int, index);
    const int mutations = qEnvironmentVariableIsSet("SECRETDESK_FUZZ_MUTATIONS")
                              ? qEnvironmentVariableIntValue("SECRETDESK_FUZZ_MUTATIONS")
                              : 200;
    const QByteArray seed = m_seeds.at(index).second;
    feed(seed);
    QRandomGenerator random(static_cast<quint32>(index) * 7919u + 1u);
    for (int i = 0; i < mutations; ++i)
        feed(mutate(seed, random));
}

void TestFuzzReplay::deepNestingIsBounded()
{
    feed(QByteArray(100000, '['));
    feed(QByteArray(20000, '{'));
    QByteArray nested;
    for (int i = 0; i < 5000; ++i)
        nested += "{\"a\":";
    feed(nested);
}

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzzreplay.moc"
