#pragma once

#include "core/model/Result.h"
#include "core/model/SecretValue.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace secretdesk {

// A Python value as Prefect 1.x ends up holding it after loading its configuration: what
// `ast.literal_eval`, `json.loads` and the toml package can produce. Used to show "what Prefect will
// see" and to check the codec. It holds secret material: no debug or log conversion on purpose.
class PythonValue {
public:
    enum class Kind { None, Ellipsis, Bool, Int, Float, Complex, Str, Bytes, List, Tuple, Set, Dict };

    PythonValue() = default;
    static PythonValue none() { return PythonValue(Kind::None); }
    static PythonValue ellipsis() { return PythonValue(Kind::Ellipsis); }
    static PythonValue boolean(bool value);
    // An int of any size, given as its decimal text ("-12", "0"); the text is not checked.
    static PythonValue integer(const QString &decimal);
    static PythonValue floating(double value);
    static PythonValue complex(double real, double imag);
    static PythonValue str(const QString &text);
    static PythonValue bytes(const QByteArray &data);
    static PythonValue list(std::vector<PythonValue> items);
    static PythonValue tuple(std::vector<PythonValue> items);
    static PythonValue set(std::vector<PythonValue> items);
    // Keys and values alternate: k0, v0, k1, v1...
    static PythonValue dict(std::vector<PythonValue> keysAndValues);

    Kind kind() const { return m_kind; }
    bool isStr() const { return m_kind == Kind::Str; }
    bool isDict() const { return m_kind == Kind::Dict; }
    bool isNumber() const;
    bool boolValue() const { return m_bool; }
    // str: the text; int: the decimal text.
    const QString &text() const { return m_text; }
    const QByteArray &bytesValue() const { return m_bytes; }
    double real() const { return m_real; }
    double imag() const { return m_imag; }
    // Items of a list, tuple or set; for a dict keys and values alternating.
    const std::vector<PythonValue> &items() const { return m_items; }

    // Python's type name: "str", "dict", "NoneType"...
    QString typeName() const;
    // What `repr(value)` prints in Python (for display; printable non-ASCII is kept as is).
    QString toPythonRepr() const;
    // A stable text form shared with tests/support/prefect_reference.py to compare with real Python
    // (dict entries and set items sorted).
    QString canonical() const;
    // The stored value this Python value stands for: a str, or a dict whose keys are str and whose
    // values map to JSON (None, bool, int, finite float, str, list, dict). Anything else is refused.
    Result<SecretValue> toSecretValue() const;

    // Python's `==` (1 == 1.0 == True, str never equals bytes, containers element-wise).
    static bool pythonEquals(const PythonValue &a, const PythonValue &b);
    // Whether `hash()` accepts it (no list, dict or set inside).
    bool isHashable() const;

    // Same kind and same content (1 and 1.0 differ; dict and set order do not count).
    friend bool operator==(const PythonValue &a, const PythonValue &b) { return sameValue(a, b); }

private:
    static bool sameValue(const PythonValue &a, const PythonValue &b);
    explicit PythonValue(Kind kind)
        : m_kind(kind)
    {}

    Kind m_kind = Kind::None;
    bool m_bool = false;
    double m_real = 0;
    double m_imag = 0;
    QString m_text;
    QByteArray m_bytes;
    std::vector<PythonValue> m_items;
};

} // namespace secretdesk

class QDebug;
QDebug operator<<(QDebug, const secretdesk::PythonValue &) = delete;
