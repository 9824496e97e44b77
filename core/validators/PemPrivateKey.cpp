#include "core/validators/PemPrivateKey.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace secretdesk {

namespace {

// Refuses to prompt: an encrypted key simply fails to load.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

} // namespace

bool PemPrivateKey::hasDoubleEscapedNewlines(const QByteArray &pem)
{
    return pem.contains("-----BEGIN") && pem.contains("\\n");
}

PemPrivateKey::Status PemPrivateKey::inspect(const QByteArray &pem, int *bits)
{
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        return Status::Encrypted;
    if (!pem.contains("-----BEGIN PRIVATE KEY-----") && !pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
        if (pem.contains("-----BEGIN EC PRIVATE KEY-----") ||
            pem.contains("-----BEGIN OPENSSH PRIVATE KEY-----"))
            return Status::NotRsa;
        return Status::NoPemMarker;
    }
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), &BIO_free);
    if (!bio)
        return Status::Unparseable;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, &noPassphrase, nullptr), &EVP_PKEY_free);
    // OpenSSL queues errors per thread; drop them so they never leak into unrelated code.
    ERR_clear_error();
    if (!key)
        return Status::Unparseable;
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return Status::NotRsa;
    if (bits)
        *bits = EVP_PKEY_get_bits(key.get());
    return Status::Rsa;
}

} // namespace secretdesk
