// Env files (python-dotenv's reading) and the Prefect secrets found in them.
#include "FuzzChecks.h"
#include "ParserFuzzEntries.h"

#include "core/prefect/DotenvParser.h"
#include "core/prefect/PrefectEnvImport.h"

namespace secretdesk {

QString fuzzDotenv(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString file = QStringLiteral(".env");
    const DotenvParser::Parsed plain = DotenvParser::parse(text, file);
    const DotenvParser::Lookup lookup = [](const QString &name) -> std::optional<QString> {
        if (name.startsWith(QLatin1Char('A')))
            return QStringLiteral("from-env");
        return std::nullopt;
    };
    const DotenvParser::Parsed expanded = DotenvParser::parse(text, file, lookup);

    // Expansion changes values only: the same statements set the same names at the same places.
    if (plain.assignments.size() != expanded.assignments.size() ||
        plain.warnings.size() != expanded.warnings.size())
        return QStringLiteral("expanding variables changed which statements were read");
    for (qsizetype i = 0; i < plain.assignments.size(); ++i) {
        const EnvAssignment &a = plain.assignments.at(i);
        if (a.name != expanded.assignments.at(i).name)
            return QStringLiteral("expanding variables changed a name");
        if (a.location.file != file || a.location.line < 1 || a.location.column < 1 ||
            a.location.line > FuzzChecks::lineCount(text))
            return QStringLiteral("an assignment without its place in the file");
    }
    for (const Diagnostic &d : plain.warnings) {
        if (QString problem = FuzzChecks::diagnostic(d, text, d.code != QLatin1String("PREFECT060"));
            !problem.isEmpty())
            return problem;
    }

    const PrefectEnvironment world = PrefectEnvironment::fromMap(
        {{QStringLiteral("HOME"), QStringLiteral("/home/fuzz")}}, QStringLiteral("/home/fuzz"));
    if (QString problem =
            FuzzChecks::entries(PrefectEnvImport::contextSecrets(expanded.assignments, world), text);
        !problem.isEmpty())
        return problem;
    QStringList names;
    for (const EnvAssignment &a : plain.assignments.mid(0, 8))
        names << a.name;
    names << QStringLiteral("NOT_SET_ANYWHERE");
    return FuzzChecks::entries(PrefectEnvImport::plainVariables(plain.assignments, names), text);
}

} // namespace secretdesk
