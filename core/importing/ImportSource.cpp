#include "core/importing/ImportSource.h"

#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/DotenvParser.h"
#include "core/prefect/ImportFileLimit.h"
#include "core/prefect/PrefectEnvImport.h"

#include <QFile>

namespace secretdesk {

namespace {
QList<PrefectSecretEntry> secretsOf(const QList<EnvAssignment> &assignments, const QStringList &plainNames,
                                    const PrefectEnvironment &world)
{
    QList<PrefectSecretEntry> entries = PrefectEnvImport::contextSecrets(assignments, world);
    entries += PrefectEnvImport::plainVariables(assignments, plainNames);
    return entries;
}

Result<QList<PrefectSecretEntry>> readEnvFile(const QString &path, const QStringList &plainNames,
                                              const PrefectEnvironment &world)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Location where;
        where.file = path;
        return Diagnostic::error(file.exists() ? Failure::Io : Failure::NotFound, QStringLiteral("IMPORT001"),
                                 QStringLiteral("cannot read the file: %1").arg(file.errorString()), where);
    }
    // Refused by its size before it is read: a 200 MB file never reaches memory.
    const Result<QByteArray> text = ImportFileLimit::readAll(file);
    if (!text)
        return text.error();
    const DotenvParser::Parsed parsed = DotenvParser::parse(*text, path);
    // A statement python-dotenv skips would silently drop a secret: refuse the file instead.
    if (!parsed.warnings.isEmpty())
        return parsed.warnings.constFirst();
    return secretsOf(parsed.assignments, plainNames, world);
}
} // namespace

ImportSource ImportSource::environment(const QStringList &plainNames)
{
    return ImportSource{Kind::Environment, QString(), plainNames};
}

ImportSource ImportSource::envFile(const QString &path, const QStringList &plainNames)
{
    return ImportSource{Kind::EnvFile, path, plainNames};
}

ImportSource ImportSource::configToml(const QString &path)
{
    return ImportSource{Kind::ConfigToml, path, {}};
}

QString ImportSource::effectivePath(const PrefectEnvironment &world) const
{
    if (kind == Kind::ConfigToml && path.isEmpty())
        return ConfigTomlFile::defaultPath(world);
    return kind == Kind::Environment ? QString() : path;
}

Result<QList<PrefectSecretEntry>> ImportSource::read() const
{
    return read(QProcessEnvironment::systemEnvironment(), PrefectEnvironment::current());
}

Result<QList<PrefectSecretEntry>> ImportSource::read(const QProcessEnvironment &environment,
                                                     const PrefectEnvironment &world) const
{
    switch (kind) {
    case Kind::Environment:
        return secretsOf(PrefectEnvImport::fromEnvironment(environment), plainNames, world);
    case Kind::EnvFile:
        return readEnvFile(path, plainNames, world);
    case Kind::ConfigToml:
        return ConfigTomlFile::readSecretsFile(effectivePath(world), world);
    }
    return QList<PrefectSecretEntry>();
}

} // namespace secretdesk
