#pragma once

#include <QByteArray>
#include <QHash>
#include <QRandomGenerator>
#include <QString>

// Secret-looking material made at test time: RSA/EC keys from OpenSSL in-process, GitHub tokens
// whose checksum comes from zlib's crc32 (independent of the code under test), AWS key IDs with
// base32 bodies. Nothing here is, or is copied from, a real credential.
class TestMaterial {
public:
    explicit TestMaterial(quint32 seed = 20260405);

    enum class KeyKind { RsaPkcs8, RsaPkcs1, Rsa1024, Ec, RsaEncrypted };
    // PEM text (with real line breaks). Keys are cached per kind: generation is slow.
    QByteArray pem(KeyKind kind);

    QByteArray randomChars(int length, const char *alphabet);
    QByteArray base62(int length) { return randomChars(length, Base62); }
    // prefix + 30 random + CRC32/Base62 checksum (zlib).
    QByteArray githubClassic(const QByteArray &prefix);
    // The same with the last checksum character changed.
    QByteArray githubBadChecksum(const QByteArray &prefix);
    QByteArray githubFineGrained();
    QByteArray githubStateless();
    QByteArray awsKeyId(const QByteArray &prefix);
    // An ASIA key ID that encodes `account` (the inverse of trufflehog's decoding).
    QByteArray awsKeyIdForAccount(quint64 account);
    QByteArray awsSecret();
    QByteArray awsSessionToken();

    // Replaces ${NAME} and ${NAME:arg} placeholders (see tests/data/validators/README.md) with
    // fresh material, JSON-escaped when `jsonEscape`. Records each secret in secrets().
    QByteArray expand(const QByteArray &text, bool jsonEscape);
    const QList<QByteArray> &secrets() const { return m_secrets; }

    static QByteArray jsonEscape(const QByteArray &raw);
    static QByteArray zlibChecksum(const QByteArray &body30);

    static constexpr const char *Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

private:
    QRandomGenerator m_random;
    QHash<int, QByteArray> m_keys;
    QList<QByteArray> m_secrets;
};
