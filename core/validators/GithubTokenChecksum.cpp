#include "core/validators/GithubTokenChecksum.h"

#include <array>

namespace secretdesk {

namespace {

constexpr std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}

constexpr std::array<quint32, 256> Table = makeTable();
constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

} // namespace

quint32 GithubTokenChecksum::crc32(QByteArrayView bytes)
{
    quint32 c = 0xFFFFFFFFu;
    for (const char byte : bytes)
        c = Table[(c ^ static_cast<quint8>(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray GithubTokenChecksum::base62(quint32 value)
{
    QByteArray out(ChecksumLength, '0');
    for (int i = ChecksumLength - 1; i >= 0 && value > 0; --i) {
        out[i] = Alphabet[value % 62];
        value /= 62;
    }
    return out;
}

QByteArray GithubTokenChecksum::of(QByteArrayView body)
{
    return base62(crc32(body));
}

bool GithubTokenChecksum::verify(QByteArrayView afterPrefix)
{
    if (afterPrefix.size() != BodyLength + ChecksumLength)
        return false;
    return of(afterPrefix.first(BodyLength)) == afterPrefix.last(ChecksumLength);
}

} // namespace secretdesk
