#pragma once

#include <QString>

#include <optional>

namespace secretdesk {

// Python's number formatting and conversions that the literal parser and PythonValue need.
// Ints are decimal text of any size (Python ints are unbounded).
namespace PythonNumber {

// repr(float): shortest round-trip digits, exponent form when the decimal point falls outside
// [-4, 16), and ".0" on integral values ("1.0", "1e+16", "1.5e-05", "inf", "-0.0").
QString floatRepr(double value);
// The same digits as they appear inside repr(complex): no ".0" ("1", "1e+16", "nan").
QString complexPartRepr(double value);
QString complexRepr(double real, double imag);

// Digits (no sign, no underscores) in base 2, 8, 10 or 16 to decimal text without leading zeros.
QString toDecimal(const QString &digits, int base);
// Python's int -> float conversion (correctly rounded); nullopt when it overflows (OverflowError).
std::optional<double> intToFloat(const QString &decimal);
// Python float() of a decimal literal's text (underscores removed): inf on overflow, 0 on underflow.
double parseFloat(const QString &text);
// The exact decimal text of an integral finite double (for 1 == 1.0 comparisons).
QString integralFloatToDecimal(double value);
// "-" + digits, keeping "0" unsigned.
QString negateDecimal(const QString &decimal);

} // namespace PythonNumber

} // namespace secretdesk
