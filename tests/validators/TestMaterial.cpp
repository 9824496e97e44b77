#include "TestMaterial.h"

#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <zlib.h>

#include <memory>

namespace {

EVP_PKEY *generate(const char *algorithm, int bits)
{
    if (bits > 0)
        return EVP_RSA_gen(static_cast<unsigned int>(bits));
    return EVP_EC_gen(algorithm);
}

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

} // namespace

TestMaterial::TestMaterial(quint32 seed)
    : m_random(seed)
{}

QByteArray TestMaterial::pem(KeyKind kind)
{
    const int id = static_cast<int>(kind);
    if (m_keys.contains(id))
        return m_keys.value(id);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        kind == KeyKind::Ec ? generate("P-256", 0)
                            : generate(nullptr, kind == KeyKind::Rsa1024 ? 1024 : 2048),
        &EVP_PKEY_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    switch (kind) {
    case KeyKind::RsaPkcs1:
        PEM_write_bio_PrivateKey_traditional(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyKind::RsaEncrypted: {
        static char passphrase[] = "test-only-passphrase";
        PEM_write_bio_PKCS8PrivateKey(bio.get(), key.get(), EVP_aes_128_cbc(), passphrase,
                                      static_cast<int>(sizeof passphrase - 1), nullptr, nullptr);
        break;
    }
    default:
        PEM_write_bio_PKCS8PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    }
    const QByteArray text = bioText(bio.get());
    m_keys.insert(id, text);
    return text;
}

QByteArray TestMaterial::randomChars(int length, const char *alphabet)
{
    const int n = static_cast<int>(qstrlen(alphabet));
    QByteArray out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(alphabet[m_random.bounded(n)]);
    return out;
}

QByteArray TestMaterial::zlibChecksum(const QByteArray &body30)
{
    quint32 crc = static_cast<quint32>(
        ::crc32(0L, reinterpret_cast<const Bytef *>(body30.constData()), static_cast<uInt>(body30.size())));
    QByteArray digits;
    do {
        digits.prepend(Base62[crc % 62]);
        crc /= 62;
    } while (crc > 0);
    return QByteArray(6 - digits.size(), '0') + digits;
}

QByteArray TestMaterial::githubClassic(const QByteArray &prefix)
{
    const QByteArray body = base62(30);
    return prefix + '_' + body + zlibChecksum(body);
}

QByteArray TestMaterial::githubBadChecksum(const QByteArray &prefix)
{
    QByteArray token = githubClassic(prefix);
    char &last = token[token.size() - 1];
    last = last == 'a' ? 'b' : 'a';
    return token;
}

QByteArray TestMaterial::githubFineGrained()
{
    return "github_pat_" + base62(22) + '_' + base62(59);
}

QByteArray TestMaterial::githubStateless()
{
    // ghs_<app id>_<header>.<payload>.<signature>: shape only, nothing here is a real JWT.
    const char *b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    return "ghs_" + QByteArray::number(m_random.bounded(100000, 999999)) + '_' + randomChars(36, b64url) +
           '.' + randomChars(300, b64url) + '.' + randomChars(170, b64url);
}

QByteArray TestMaterial::awsKeyId(const QByteArray &prefix)
{
    // After a bare four-letter prefix, avoid I and J: AKIAI…/AKIAJ… keys predate the account encoding.
    QByteArray id = prefix;
    if (prefix.size() == 4)
        id += randomChars(1, "ABCDEFGHKLMNOPQRSTUVWXYZ234567");
    return id + randomChars(20 - static_cast<int>(id.size()), "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
}

QByteArray TestMaterial::awsKeyIdForAccount(quint64 account)
{
    // Ten bytes whose first six hold (account << 7) under the 0x7fffffffff80 mask, base32-encoded.
    QByteArray bytes(10, '\0');
    const quint64 z = (account << 7) | static_cast<quint64>(m_random.bounded(128));
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<char>((z >> (8 * (5 - i))) & 0xFF);
    for (int i = 6; i < 10; ++i)
        bytes[i] = static_cast<char>(m_random.bounded(256));
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray out = "ASIA";
    quint64 buffer = 0;
    int bits = 0;
    for (const char b : bytes) {
        buffer = (buffer << 8) | static_cast<quint8>(b);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += alphabet[(buffer >> bits) & 31];
        }
    }
    return out;
}

QByteArray TestMaterial::awsSecret()
{
    return randomChars(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
}

QByteArray TestMaterial::awsSessionToken()
{
    return randomChars(240, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
}

QByteArray TestMaterial::jsonEscape(const QByteArray &raw)
{
    QByteArray out;
    for (const char c : raw) {
        if (c == '\n')
            out += "\\n";
        else if (c == '"' || c == '\\')
            out += '\\' + QByteArray(1, c);
        else
            out += c;
    }
    return out;
}

QByteArray TestMaterial::expand(const QByteArray &text, bool escape)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([A-Z0-9_]+)(?::([^}]*))?\\}"));
    const QString source = QString::fromUtf8(text);
    QByteArray out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += source.mid(last, m.capturedStart() - last).toUtf8();
        last = m.capturedEnd();
        const QString name = m.captured(1);
        const QByteArray arg = m.captured(2).toUtf8();
        QByteArray value;
        if (name == QLatin1String("RSA_PKCS8"))
            value = pem(KeyKind::RsaPkcs8);
        else if (name == QLatin1String("RSA_PKCS1"))
            value = pem(KeyKind::RsaPkcs1);
        else if (name == QLatin1String("RSA_1024"))
            value = pem(KeyKind::Rsa1024);
        else if (name == QLatin1String("EC_KEY"))
            value = pem(KeyKind::Ec);
        else if (name == QLatin1String("RSA_ENCRYPTED"))
            value = pem(KeyKind::RsaEncrypted);
        else if (name == QLatin1String("RSA_TRUNCATED"))
            value = pem(KeyKind::RsaPkcs8).left(900) + "\n-----END PRIVATE KEY-----\n";
        else if (name == QLatin1String("GH"))
            value = githubClassic(arg);
        else if (name == QLatin1String("GH_BADSUM"))
            value = githubBadChecksum(arg);
        else if (name == QLatin1String("GH_PAT"))
            value = githubFineGrained();
        else if (name == QLatin1String("GH_STATELESS"))
            value = githubStateless();
        else if (name == QLatin1String("HEX"))
            value = randomChars(arg.toInt(), "0123456789abcdef");
        else if (name == QLatin1String("AWS_KEY"))
            value = awsKeyId(arg);
        else if (name == QLatin1String("AWS_EXAMPLE"))
            value = "AKIA" + randomChars(9, "ABCDEFGHKLMNOPQRSTUVWXYZ234567") + "EXAMPLE";
        else if (name == QLatin1String("UPPER"))
            value = randomChars(arg.toInt(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        else if (name == QLatin1String("AWS_SECRET"))
            value = awsSecret();
        else if (name == QLatin1String("AWS_SESSION"))
            value = awsSessionToken();
        else if (name == QLatin1String("B64"))
            value = QByteArray(randomChars(arg.toInt(), "\x01\x02\x03\x04\x05\x06\x07\x08")).toBase64();
        else if (name == QLatin1String("ALNUM"))
            value = base62(arg.toInt());
        else
            qFatal("unknown placeholder in test corpus");
        // The double-escaped variant of a key: what a trip through a shell leaves behind.
        if (name.startsWith(QLatin1String("RSA")) && arg == "double-escaped")
            value.replace("\n", "\\n");
        // The PEM armor lines are public text; only the body is secret material.
        if (value.startsWith("-----BEGIN")) {
            const qsizetype begin = value.indexOf("KEY-----") + 8;
            m_secrets << value.mid(begin, value.indexOf("-----END") - begin);
        } else {
            m_secrets << value;
        }
        out += escape ? jsonEscape(value) : value;
    }
    out += source.mid(last).toUtf8();
    return out;
}
