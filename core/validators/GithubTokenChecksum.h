#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace secretdesk {

// The tail of a classic 40-character GitHub token (ghp_/gho_/ghu_/ghs_/ghr_ + 30 + 6): the
// IEEE CRC-32 of the 30 characters, Base62-encoded (0-9A-Za-z, most significant first,
// left-padded with '0' to six characters). Reverse-engineered by public scanners, see
// shared/spec/credential-formats.md 2.1.
class GithubTokenChecksum {
public:
    static constexpr int BodyLength = 30;
    static constexpr int ChecksumLength = 6;

    static quint32 crc32(QByteArrayView bytes);
    static QByteArray base62(quint32 value);
    // The six checksum characters for a 30-character body.
    static QByteArray of(QByteArrayView body);
    // Whether body + checksum (the 36 characters after the prefix) are consistent.
    static bool verify(QByteArrayView afterPrefix);
};

} // namespace secretdesk
