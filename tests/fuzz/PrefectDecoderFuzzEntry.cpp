// Prefect 1.x's reading of env and config.toml values, and the Python parsers it runs them through.
#include "FuzzChecks.h"
#include "ParserFuzzEntries.h"

#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PythonJson.h"
#include "core/prefect/PythonLiteral.h"

#include <QStringDecoder>

namespace secretdesk {

namespace {

PrefectEnvironment fuzzWorld()
{
    return PrefectEnvironment::fromMap(
        {{QStringLiteral("HOME"), QStringLiteral("/home/fuzz")}, {QStringLiteral("x"), QStringLiteral("X")}},
        QStringLiteral("/home/fuzz"));
}

QString checkDecoded(const Result<PrefectReading> &reading, const QByteArray &text, const char *what)
{
    if (reading)
        return {};
    const Diagnostic &d = reading.error();
    if (QString problem = FuzzChecks::diagnostic(d, text, false); !problem.isEmpty())
        return QLatin1String(what) + QStringLiteral(": ") + problem;
    if (FuzzChecks::quotesInput(d.message, text))
        return QLatin1String(what) + QStringLiteral(": %1 quotes the value").arg(d.code);
    return {};
}

// encode, then decode as Prefect does: the reading must be the codec's targets, and Secret.get()
// must give back exactly the stored value.
QString checkRoundTrip(const SecretValue &value)
{
    const auto env = PrefectCodec::encodeEnv(value);
    const auto toml = PrefectCodec::encodeToml(value);
    if (!env || !toml)
        return {}; // a value the codec refuses says so; nothing to read back
    const PythonValue context = PrefectCodec::contextTarget(value);
    const PythonValue get = PrefectCodec::secretGetTarget(value);
    for (const PrefectEnvironment &world : {fuzzWorld(), PrefectEnvironment::everythingDefined()}) {
        const std::pair<const char *, Result<PrefectReading>> readings[] = {
            {"env", PrefectCodec::decodeEnv(env.value(), world)},
            {"toml", PrefectCodec::decodeToml(toml.value(), world)}};
        for (const auto &[what, reading] : readings) {
            if (!reading)
                return QStringLiteral("%1 round trip: %2").arg(QLatin1String(what), reading.error().code);
            if (reading->context.canonical() != context.canonical() ||
                reading->secretGet.canonical() != get.canonical())
                return QStringLiteral("%1 round trip: Prefect reads another value").arg(QLatin1String(what));
            const auto back = reading->secretGet.toSecretValue();
            if (!back || !(back.value() == value))
                return QStringLiteral("%1 round trip: Secret.get() is not the stored value")
                    .arg(QLatin1String(what));
        }
    }
    return {};
}

// literal_eval(repr(v)) == v for what literal_eval returns, unless repr has no literal (nan, inf, ...).
QString checkLiteral(const QString &source)
{
    const PythonLiteral::Evaluation first = PythonLiteral::literalEval(source);
    if (first.outcome != PythonLiteral::Outcome::Value)
        return {};
    const QString repr = first.value.toPythonRepr();
    const PythonLiteral::Evaluation again = PythonLiteral::literalEval(repr);
    if (again.outcome == PythonLiteral::Outcome::Value) {
        // Python's ==, not the exact form: literal_eval(repr(-3.5j)) is (0-3.5j) in Python too (the
        // real part's -0.0 becomes 0), and -0.0 == 0.0.
        if (!PythonValue::pythonEquals(again.value, first.value))
            return QStringLiteral("literal_eval(repr(v)) differs from v");
        return {};
    }
    static const QStringList noLiteral = {QStringLiteral("nan"), QStringLiteral("inf"),
                                          QStringLiteral("Ellipsis")};
    for (const QString &word : noLiteral) {
        if (repr.contains(word))
            return {};
    }
    return QStringLiteral("repr of a literal is not a literal");
}

} // namespace

QString fuzzPrefectDecoder(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const PrefectEnvironment world = fuzzWorld();
    if (QString problem = checkDecoded(PrefectCodec::decodeEnv(text, world), text, "decodeEnv");
        !problem.isEmpty())
        return problem;
    if (QString problem = checkDecoded(PrefectCodec::decodeToml(text, world), text, "decodeToml");
        !problem.isEmpty())
        return problem;

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString unicode = decoder.decode(text);
    if (decoder.hasError())
        return {};
    if (QString problem = checkLiteral(unicode); !problem.isEmpty())
        return problem;
    PythonJson::loads(unicode);

    if (QString problem = checkRoundTrip(SecretValue::fromString(unicode)); !problem.isEmpty())
        return QStringLiteral("string: ") + problem;
    if (const auto json = SecretValue::fromJson(text)) {
        if (QString problem = checkRoundTrip(json.value()); !problem.isEmpty())
            return QStringLiteral("json: ") + problem;
    }
    return {};
}

} // namespace secretdesk
