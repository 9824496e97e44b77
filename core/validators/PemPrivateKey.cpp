// OpenSSL 3's generic decoders (PEM_read_bio_PrivateKey, d2i_PrivateKey) take ~3 ms per key
// because they try every provider's decoder chain; the editor validates on every keystroke and
// the benchmark parses 10,000 keys. The direct ASN.1 path below takes ~25 us. It is marked
// deprecated in 3.0, hence the API level; it still parses the whole DER structure.
#define OPENSSL_API_COMPAT 0x10101000L

#include "core/validators/PemPrivateKey.h"

#include <QList>

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace secretdesk {

namespace {

struct Armored {
    QByteArray label;
    QByteArray headers; // "Proc-Type: 4,ENCRYPTED" and friends (PKCS#1 only)
    QByteArray der;
    bool ok = false;
};

// The first PEM block whose label ends in PRIVATE KEY, base64-decoded.
Armored firstPrivateKeyBlock(const QByteArray &pem)
{
    Armored out;
    const qsizetype begin = pem.indexOf("-----BEGIN ");
    if (begin < 0)
        return out;
    const qsizetype labelEnd = pem.indexOf("-----", begin + 11);
    if (labelEnd < 0)
        return out;
    out.label = pem.mid(begin + 11, labelEnd - begin - 11);
    const QByteArray endLine = "-----END " + out.label + "-----";
    const qsizetype end = pem.indexOf(endLine, labelEnd + 5);
    if (end < 0)
        return out;
    QByteArray body;
    for (const QByteArray &line : pem.mid(labelEnd + 5, end - labelEnd - 5).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.contains(':'))
            out.headers += trimmed + '\n';
        else
            body += trimmed;
    }
    auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    out.ok = bool(decoded) && !decoded.decoded.isEmpty();
    out.der = std::move(decoded.decoded);
    return out;
}

// Parses PKCS#1 RSAPrivateKey DER; returns the modulus size in bits, or 0.
int rsaBits(const unsigned char *der, long size)
{
    std::unique_ptr<RSA, decltype(&RSA_free)> rsa(d2i_RSAPrivateKey(nullptr, &der, size), &RSA_free);
    if (!rsa)
        return 0;
    const BIGNUM *n = nullptr;
    const BIGNUM *e = nullptr;
    const BIGNUM *d = nullptr;
    RSA_get0_key(rsa.get(), &n, &e, &d);
    return n && e && d ? RSA_bits(rsa.get()) : 0;
}

} // namespace

bool PemPrivateKey::hasDoubleEscapedNewlines(const QByteArray &pem)
{
    return pem.contains("-----BEGIN") && pem.contains("\\n");
}

PemPrivateKey::Status PemPrivateKey::inspect(const QByteArray &pem, int *bits)
{
    const Armored block = firstPrivateKeyBlock(pem);
    if (!block.label.endsWith("PRIVATE KEY"))
        return Status::NoPemMarker;
    if (block.label == "ENCRYPTED PRIVATE KEY" || block.headers.contains("ENCRYPTED"))
        return Status::Encrypted;
    if (block.label != "PRIVATE KEY" && block.label != "RSA PRIVATE KEY")
        return Status::NotRsa; // EC, OPENSSH, DSA...
    if (!block.ok)
        return Status::Unparseable;

    const auto *der = reinterpret_cast<const unsigned char *>(block.der.constData());
    const long size = static_cast<long>(block.der.size());
    int keyBits = 0;
    if (block.label == "RSA PRIVATE KEY") {
        keyBits = rsaBits(der, size);
    } else {
        std::unique_ptr<PKCS8_PRIV_KEY_INFO, decltype(&PKCS8_PRIV_KEY_INFO_free)> info(
            d2i_PKCS8_PRIV_KEY_INFO(nullptr, &der, size), &PKCS8_PRIV_KEY_INFO_free);
        const unsigned char *inner = nullptr;
        int innerSize = 0;
        const X509_ALGOR *algorithm = nullptr;
        if (info && PKCS8_pkey_get0(nullptr, &inner, &innerSize, &algorithm, info.get())) {
            const ASN1_OBJECT *oid = nullptr;
            X509_ALGOR_get0(&oid, nullptr, nullptr, algorithm);
            if (OBJ_obj2nid(oid) != NID_rsaEncryption) {
                ERR_clear_error();
                return Status::NotRsa;
            }
            keyBits = rsaBits(inner, innerSize);
        }
    }
    // OpenSSL queues errors per thread; drop them so they never surface in unrelated code.
    ERR_clear_error();
    if (keyBits == 0)
        return Status::Unparseable;
    if (bits)
        *bits = keyBits;
    return Status::Rsa;
}

} // namespace secretdesk
