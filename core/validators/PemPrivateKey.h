#pragma once

#include <QByteArray>

namespace secretdesk {

// What OpenSSL makes of a PEM private key, without keeping the key: the validator only needs
// to know whether google-auth could sign with it.
class PemPrivateKey {
public:
    enum class Status {
        Rsa,         // parses as an RSA private key (PKCS#8 or PKCS#1)
        NoPemMarker, // no -----BEGIN ... PRIVATE KEY----- line
        Encrypted,   // -----BEGIN ENCRYPTED PRIVATE KEY----- (needs a passphrase)
        Unparseable, // the PEM body is damaged (truncated, bad base64, bad DER)
        NotRsa,      // a valid key of another algorithm (EC, Ed25519...)
    };

    static Status inspect(const QByteArray &pem, int *bits = nullptr);
    // The key text has literal backslash-n pairs where line breaks belong (escaped twice).
    static bool hasDoubleEscapedNewlines(const QByteArray &pem);
};

} // namespace secretdesk
