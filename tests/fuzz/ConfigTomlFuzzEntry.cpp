// Prefect's config.toml: the secrets read from it, and the editor that writes [context.secrets].
#include "FuzzChecks.h"
#include "ParserFuzzEntries.h"

#include "core/prefect/ConfigTomlEditor.h"
#include "core/prefect/ConfigTomlFile.h"

namespace secretdesk {

namespace {

PrefectEnvironment fuzzWorld()
{
    return PrefectEnvironment::fromMap({{QStringLiteral("HOME"), QStringLiteral("/home/fuzz")}},
                                       QStringLiteral("/home/fuzz"));
}

QString checkRead(const Result<QList<PrefectSecretEntry>> &read, const QByteArray &text, const QString &file)
{
    if (!read) {
        const Diagnostic &d = read.error();
        const bool pointsAtText =
            d.code == QLatin1String("PREFECT041") || d.code == QLatin1String("PREFECT061");
        if (QString problem = FuzzChecks::diagnostic(d, text, pointsAtText); !problem.isEmpty())
            return problem;
        if (d.location.file != file)
            return QStringLiteral("%1: the diagnostic does not name the file").arg(d.code);
        if (FuzzChecks::quotesInput(d.message, text))
            return QStringLiteral("%1: the message quotes the file").arg(d.code);
        return {};
    }
    return FuzzChecks::entries(read.value(), text);
}

} // namespace

QString fuzzConfigToml(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString file = QStringLiteral("config.toml");
    const auto read = ConfigTomlFile::readSecrets(text, file, fuzzWorld());
    if (QString problem = checkRead(read, text, file); !problem.isEmpty())
        return problem;
    if (!read)
        return {};

    // The editor keeps everything but the changed secret; the result reads back with the new value.
    const SecretName name = SecretName::parse(QStringLiteral("FUZZ_EDITED")).value();
    const SecretValue value = SecretValue::fromString(QStringLiteral("edited ${x} value"));
    const auto edited = ConfigTomlEditor::apply(text, {PrefectTomlChange{name, value}}, file);
    if (!edited) {
        if (QString problem = FuzzChecks::diagnostic(edited.error(), text, false); !problem.isEmpty())
            return QStringLiteral("editor: ") + problem;
        return {};
    }
    const auto reread = ConfigTomlFile::readSecrets(edited.value(), file, fuzzWorld());
    if (!reread)
        return QStringLiteral("the edited file does not read: %1").arg(reread.error().code);
    for (const PrefectSecretEntry &entry : reread.value()) {
        if (entry.name == name.toString())
            return entry.value == value ? QString() : QStringLiteral("the edited secret reads back changed");
    }
    return QStringLiteral("the edited secret is missing from the file");
}

} // namespace secretdesk
