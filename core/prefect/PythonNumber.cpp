#include "core/prefect/PythonNumber.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace secretdesk::PythonNumber {

namespace {

// An unsigned big number in base 10^9, least significant limb first: enough for base conversion.
using Limbs = std::vector<std::uint32_t>;
constexpr std::uint32_t LimbBase = 1000000000U;

void mulAdd(Limbs &limbs, std::uint32_t mul, std::uint32_t add)
{
    std::uint64_t carry = add;
    for (auto &limb : limbs) {
        const std::uint64_t v = std::uint64_t(limb) * mul + carry;
        limb = std::uint32_t(v % LimbBase);
        carry = v / LimbBase;
    }
    while (carry) {
        limbs.push_back(std::uint32_t(carry % LimbBase));
        carry /= LimbBase;
    }
}

QString limbsToString(const Limbs &limbs)
{
    if (limbs.empty())
        return QStringLiteral("0");
    QString out = QString::number(limbs.back());
    for (auto it = limbs.rbegin() + 1; it != limbs.rend(); ++it)
        out += QStringLiteral("%1").arg(*it, 9, 10, QLatin1Char('0'));
    return out;
}

// Shortest round-trip digits of |value| and the position of the decimal point (value = 0.DIGITS * 10^decpt).
void shortestDigits(double value, std::string &digits, int &decpt)
{
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
    const std::string text(buf, res.ptr);
    const auto e = text.find('e');
    digits.clear();
    for (std::size_t i = 0; i < e; ++i) {
        if (text[i] != '.')
            digits += text[i];
    }
    decpt = std::stoi(text.substr(e + 1)) + 1;
}

QString formatRepr(double value, bool addDotZero)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    std::string digits;
    int decpt = 0;
    shortestDigits(value, digits, decpt);
    std::string out = std::signbit(value) ? "-" : "";
    const int n = int(digits.size());
    if (decpt <= -4 || decpt > 16) {
        out += digits[0];
        if (n > 1) {
            out += '.';
            out.append(digits, 1);
        }
        const int exp = decpt - 1;
        char expText[16];
        std::snprintf(expText, sizeof expText, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        out += expText;
    } else if (decpt <= 0) {
        out.append("0.").append(std::size_t(-decpt), '0').append(digits);
    } else if (decpt >= n) {
        out.append(digits).append(std::size_t(decpt - n), '0');
        if (addDotZero)
            out += ".0";
    } else {
        out.append(digits, 0, std::size_t(decpt)).append(1, '.').append(digits, std::size_t(decpt));
    }
    return QString::fromLatin1(out.data(), qsizetype(out.size()));
}

} // namespace

QString floatRepr(double value)
{
    return formatRepr(value, true);
}

QString complexPartRepr(double value)
{
    return formatRepr(value, false);
}

QString complexRepr(double real, double imag)
{
    // Python omits a real part that is +0.0 and parenthesises otherwise.
    if (real == 0 && !std::signbit(real))
        return complexPartRepr(imag) + QLatin1Char('j');
    const bool negativeImag = std::signbit(imag) && !std::isnan(imag);
    QString imagText = complexPartRepr(imag);
    if (!negativeImag)
        imagText.prepend(QLatin1Char('+'));
    return QLatin1Char('(') + complexPartRepr(real) + imagText + QStringLiteral("j)");
}

QString toDecimal(const QString &digits, int base)
{
    Limbs limbs;
    for (const QChar c : digits) {
        const int d = c.isDigit() ? c.unicode() - '0' : c.toLower().unicode() - 'a' + 10;
        mulAdd(limbs, std::uint32_t(base), std::uint32_t(d));
    }
    while (!limbs.empty() && limbs.back() == 0)
        limbs.pop_back();
    return limbsToString(limbs);
}

std::optional<double> intToFloat(const QString &decimal)
{
    const QByteArray text = decimal.toLatin1();
    double value = 0;
    const auto res = std::from_chars(text.constData(), text.constData() + text.size(), value);
    if (res.ec == std::errc::result_out_of_range || std::isinf(value))
        return std::nullopt;
    return value;
}

double parseFloat(const QString &text)
{
    QByteArray latin = text.toLatin1();
    latin.replace('_', QByteArray());
    double value = 0;
    const auto res = std::from_chars(latin.constData(), latin.constData() + latin.size(), value);
    if (res.ec == std::errc::result_out_of_range) {
        // from_chars leaves the value alone on overflow and underflow: tell them apart by the exponent.
        const qsizetype e = latin.indexOf('e') >= 0 ? latin.indexOf('e') : latin.indexOf('E');
        const bool negativeExponent = e >= 0 && e + 1 < latin.size() && latin.at(e + 1) == '-';
        return negativeExponent ? 0.0 : HUGE_VAL;
    }
    return value;
}

QString integralFloatToDecimal(double value)
{
    if (std::fabs(value) < 9.0e15)
        return QString::number(static_cast<qint64>(value));
    int exponent = 0;
    const double mantissa = std::frexp(std::fabs(value), &exponent);
    const auto bits = static_cast<std::uint64_t>(std::ldexp(mantissa, 53));
    // bits < 2^53 < 10^18: build it from its base-10^9 digits, then shift left.
    Limbs limbs;
    mulAdd(limbs, 1, std::uint32_t(bits / LimbBase / LimbBase));
    mulAdd(limbs, LimbBase, std::uint32_t(bits / LimbBase % LimbBase));
    mulAdd(limbs, LimbBase, std::uint32_t(bits % LimbBase));
    for (int i = 0; i < exponent - 53; ++i)
        mulAdd(limbs, 2, 0);
    const QString digits = limbsToString(limbs);
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

QString negateDecimal(const QString &decimal)
{
    if (decimal == QLatin1String("0"))
        return decimal;
    if (decimal.startsWith(QLatin1Char('-')))
        return decimal.mid(1);
    return QLatin1Char('-') + decimal;
}

} // namespace secretdesk::PythonNumber
