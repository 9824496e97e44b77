#include "core/model/SecretValue.h"

#include "core/model/SecureBytes.h"

#include <QStringDecoder>

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

namespace secretdesk {

namespace {

// Where the first '{' or '[' beyond `limit` levels opens (brackets inside strings do not count), or
// nothing. One pass without parsing, so that a 10,000-deep text costs no more than its length.
std::optional<Location> tooDeep(const QByteArray &text, int limit)
{
    int depth = 0;
    int line = 1;
    qsizetype lineStart = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit)
                return Location{{}, line, int(i - lineStart + 1), {}};
        } else if (c == '}' || c == ']') {
            depth = std::max(0, depth - 1);
        }
    }
    return std::nullopt;
}

} // namespace

SecretValue::SecretValue(Type type, QByteArray bytes)
    : m_type(type)
    , m_bytes(std::move(bytes))
{}

SecretValue::~SecretValue()
{
    wipeBytes(m_bytes);
}

SecretValue::SecretValue(const SecretValue &other)
    : m_type(other.m_type)
    , m_bytes(other.m_bytes.constData(), other.m_bytes.size())
{}

SecretValue::SecretValue(SecretValue &&other) noexcept
    : m_type(other.m_type)
    , m_bytes(std::move(other.m_bytes))
{}

SecretValue &SecretValue::operator=(const SecretValue &other)
{
    if (this != &other) {
        wipeBytes(m_bytes);
        m_type = other.m_type;
        // A deep copy, so that wiping one buffer never leaves a shared twin behind.
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
    }
    return *this;
}

SecretValue &SecretValue::operator=(SecretValue &&other) noexcept
{
    if (this != &other) {
        wipeBytes(m_bytes);
        m_type = other.m_type;
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

SecretValue SecretValue::fromString(const QString &text)
{
    return SecretValue(Type::String, text.toUtf8());
}

Result<SecretValue> SecretValue::fromUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError()) {
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALUE001"),
                                 QStringLiteral("the value is not valid UTF-8 text"));
    }
    return SecretValue(Type::String, QByteArray(bytes.constData(), bytes.size()));
}

Result<SecretValue> SecretValue::fromJson(const QByteArray &text)
{
    auto utf8 = fromUtf8(text);
    if (!utf8)
        return utf8.error();
    if (const auto where = tooDeep(text, MaxJsonNesting)) {
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("VALUE005"),
            QStringLiteral("the JSON value nests objects and arrays deeper than %1 levels")
                .arg(MaxJsonNesting),
            *where);
    }
    const auto parsed = nlohmann::ordered_json::parse(text.constBegin(), text.constEnd(), nullptr,
                                                      /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        // Find the position by parsing again with exceptions; the message never quotes the text.
        // A number beyond double's range is no parse_error but out_of_range, without a position.
        Location where;
        try {
            [[maybe_unused]] const auto reparsed =
                nlohmann::ordered_json::parse(text.constBegin(), text.constEnd());
        } catch (const nlohmann::json::parse_error &e) {
            const QByteArray before = text.left(static_cast<qsizetype>(e.byte > 0 ? e.byte - 1 : 0));
            where.line = static_cast<int>(before.count('\n')) + 1;
            where.column = static_cast<int>(before.size() - before.lastIndexOf('\n'));
        } catch (const nlohmann::json::exception &) {
            return Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALUE006"),
                                     QStringLiteral("a number in the JSON value is too large"));
        }
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALUE002"),
                                 QStringLiteral("the value is not valid JSON"), where);
    }
    if (!parsed.is_object()) {
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALUE003"),
                                 QStringLiteral("a JSON value must be an object ({...})"));
    }
    std::string compact = parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    SecretValue value(Type::Json, QByteArray(compact.data(), static_cast<qsizetype>(compact.size())));
    std::fill(compact.begin(), compact.end(), '\0');
    return value;
}

Result<SecretValue> SecretValue::fromStored(Type type, const QByteArray &bytes)
{
    return type == Type::Json ? fromJson(bytes) : fromUtf8(bytes);
}

QByteArray SecretValue::pretty() const
{
    if (m_type != Type::Json)
        return m_bytes;
    const auto parsed =
        nlohmann::ordered_json::parse(m_bytes.constBegin(), m_bytes.constEnd(), nullptr, false);
    const std::string text = parsed.dump(2);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString SecretValue::typeName(Type type)
{
    return type == Type::Json ? QStringLiteral("json") : QStringLiteral("string");
}

Result<SecretValue::Type> SecretValue::typeFromName(const QString &name)
{
    if (name == QLatin1String("string"))
        return Type::String;
    if (name == QLatin1String("json"))
        return Type::Json;
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALUE004"),
                             QStringLiteral("unknown value type '%1' (expected string or json)").arg(name));
}

} // namespace secretdesk
