#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QString>

namespace secretdesk {

// A secret's value: a UTF-8 string, or a JSON object for structured credentials (AWS_CREDENTIALS).
// It has no debug or string conversion on purpose, and wipes its buffer when released.
class SecretValue {
public:
    enum class Type { String, Json };

    SecretValue() = default;
    ~SecretValue();
    SecretValue(const SecretValue &other);
    SecretValue(SecretValue &&other) noexcept;
    SecretValue &operator=(const SecretValue &other);
    SecretValue &operator=(SecretValue &&other) noexcept;

    static SecretValue fromString(const QString &text);
    // Refuses bytes that are not UTF-8.
    static Result<SecretValue> fromUtf8(const QByteArray &bytes);
    // Objects and arrays nested deeper than this are refused (VALUE005) before the text is parsed:
    // formatting, comparing and freeing a parsed value recurse once per level.
    static constexpr int MaxJsonNesting = 256;

    // Refuses anything but a JSON object; keeps the member order and stores it compact.
    // Codes: VALUE001 not UTF-8, VALUE002 not JSON (line, column), VALUE003 not an object,
    // VALUE005 nested deeper than MaxJsonNesting (line, column of the first bracket too deep),
    // VALUE006 a number beyond double's range (1e999).
    static Result<SecretValue> fromJson(const QByteArray &text);
    // Builds a value of the given type from the bytes the keychain holds.
    static Result<SecretValue> fromStored(Type type, const QByteArray &bytes);

    Type type() const { return m_type; }
    bool isJson() const { return m_type == Type::Json; }
    // The string's bytes, or the compact JSON text of an object.
    const QByteArray &utf8() const { return m_bytes; }
    QString toString() const { return QString::fromUtf8(m_bytes); }
    // The JSON text indented for reading (objects only; strings are returned as they are).
    QByteArray pretty() const;
    qsizetype size() const { return m_bytes.size(); }

    friend bool operator==(const SecretValue &a, const SecretValue &b)
    {
        return a.m_type == b.m_type && a.m_bytes == b.m_bytes;
    }

    static QString typeName(Type type);
    static Result<Type> typeFromName(const QString &name);

private:
    SecretValue(Type type, QByteArray bytes);

    Type m_type = Type::String;
    QByteArray m_bytes;
};

} // namespace secretdesk

class QDebug;
// Deleted so that a value can never be streamed into a log by accident.
QDebug operator<<(QDebug, const secretdesk::SecretValue &) = delete;
