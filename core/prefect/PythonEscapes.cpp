#include "core/prefect/PythonEscapes.h"

namespace secretdesk::PythonEscapes {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

std::optional<QString> simpleEscape(char16_t escaped)
{
    switch (escaped) {
    case u'\n':
        return QString();
    case u'\\':
    case u'\'':
    case u'"':
        return QString(QChar(escaped));
    case u'a':
        return QString(QChar(7));
    case u'b':
        return QString(QChar(8));
    case u'f':
        return QString(QChar(12));
    case u'n':
        return QString(QChar(10));
    case u'r':
        return QString(QChar(13));
    case u't':
        return QString(QChar(9));
    case u'v':
        return QString(QChar(11));
    }
    return std::nullopt;
}

Decoded decode(const QString &body, bool bytes)
{
    QString out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c != QLatin1Char('\\')) {
            out += c;
            continue;
        }
        const QChar e = body.at(++i);
        if (const auto simple = simpleEscape(e.unicode())) {
            out += *simple;
            continue;
        }
        switch (e.unicode()) {
        case 'x': {
            if (i + 2 >= body.size() || hexValue(body.at(i + 1)) < 0 || hexValue(body.at(i + 2)) < 0)
                return {Status::Invalid, {}};
            out += QChar(hexValue(body.at(i + 1)) * 16 + hexValue(body.at(i + 2)));
            i += 2;
            break;
        }
        case 'u':
        case 'U':
        case 'N': {
            if (bytes) { // not escapes in bytes: kept as written
                out += QLatin1Char('\\') + e;
                break;
            }
            if (e == QLatin1Char('N'))
                return {Status::Unsupported, {}};
            const int width = e == QLatin1Char('u') ? 4 : 8;
            char32_t value = 0;
            for (int k = 1; k <= width; ++k) {
                const int h = i + k < body.size() ? hexValue(body.at(i + k)) : -1;
                if (h < 0)
                    return {Status::Invalid, {}};
                value = value * 16 + char32_t(h);
            }
            if (value > 0x10FFFF)
                return {Status::Invalid, {}};
            i += width;
            if (value < 0x10000)
                out += QChar(char16_t(value)); // lone surrogates included
            else
                out += QString::fromUcs4(&value, 1);
            break;
        }
        default:
            if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                int value = e.unicode() - '0';
                for (int k = 0; k < 2 && i + 1 < body.size() && body.at(i + 1) >= QLatin1Char('0') &&
                                body.at(i + 1) <= QLatin1Char('7');
                     ++k) {
                    value = value * 8 + (body.at(++i).unicode() - '0');
                }
                out += QChar(bytes ? value & 0xFF : value); // b'\\777' is b'\\xff'
            } else {
                out += QLatin1Char('\\') + e; // an unknown escape stays as written
            }
        }
    }
    return {Status::Ok, out};
}

} // namespace secretdesk::PythonEscapes
