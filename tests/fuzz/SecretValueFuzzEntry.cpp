// SecretValue's JSON objects (AWS_CREDENTIALS and other structured secrets).
#include "FuzzChecks.h"
#include "ParserFuzzEntries.h"

#include "core/model/SecretValue.h"

namespace secretdesk {

QString fuzzSecretValue(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto value = SecretValue::fromJson(text);
    if (!value) {
        const Diagnostic &d = value.error();
        const bool pointsAtText = d.code == QLatin1String("VALUE002") || d.code == QLatin1String("VALUE005");
        if (QString problem = FuzzChecks::diagnostic(d, text, pointsAtText); !problem.isEmpty())
            return problem;
        if (FuzzChecks::quotesInput(d.message, text))
            return QStringLiteral("%1: the message quotes the value").arg(d.code);
        return {};
    }
    if (!value->isJson())
        return QStringLiteral("fromJson returned a string value");
    // Compact and pretty texts are the same object: they parse back to the stored bytes.
    for (const QByteArray &form : {value->utf8(), value->pretty()}) {
        const auto again = SecretValue::fromJson(form);
        if (!again)
            return QStringLiteral("a stored JSON value does not parse again: %1").arg(again.error().code);
        if (!(again.value() == value.value()))
            return QStringLiteral("a stored JSON value changes when parsed again");
    }
    const auto stored = SecretValue::fromStored(SecretValue::Type::Json, value->utf8());
    if (!stored || !(stored.value() == value.value()))
        return QStringLiteral("fromStored differs from fromJson");
    return {};
}

} // namespace secretdesk
