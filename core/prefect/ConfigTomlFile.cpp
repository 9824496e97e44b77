#include "core/prefect/ConfigTomlFile.h"

#include "core/prefect/ConfigTomlLayout.h"
#include "core/prefect/ImportFileLimit.h"
#include "core/prefect/PrefectSecretImport.h"

#include <QFile>
#include <toml++/toml.h>

#include <sstream>

namespace secretdesk {

namespace {

QString fromStd(std::string_view text)
{
    return PrefectTomlValue::text(text);
}

Location locationOf(const QString &fileName, const toml::source_region &region)
{
    Location where;
    where.file = fileName;
    where.line = int(region.begin.line);
    where.column = int(region.begin.column);
    return where;
}

Diagnostic tomlError(const QString &code, const QString &message, Location where)
{
    return Diagnostic::error(Failure::InvalidInput, code, message, std::move(where));
}

// What the Python `toml` 0.10 package (Prefect 1's parser) makes of a node, refusing what it rejects.
// `depth` counts the tables and arrays around the node: headers and dotted keys nest tables without
// toml++'s own limit on nested values, and this recursion must stay bounded.
Result<PythonValue> toPython(const toml::node &node, const QString &fileName, int depth = 0)
{
    if ((node.is_table() || node.is_array()) && depth >= ConfigTomlFile::MaxNesting) {
        return tomlError(
            QStringLiteral("PREFECT061"),
            QStringLiteral("tables and arrays nest deeper than %1 levels").arg(ConfigTomlFile::MaxNesting),
            locationOf(fileName, node.source()));
    }
    if (const auto *s = node.as_string())
        return PythonValue::str(fromStd(s->get()));
    if (const auto *i = node.as_integer())
        return PythonValue::integer(QString::number(i->get()));
    if (const auto *f = node.as_floating_point())
        return PythonValue::floating(f->get());
    if (const auto *b = node.as_boolean())
        return PythonValue::boolean(b->get());
    if (const auto *a = node.as_array()) {
        if (!a->empty() && !a->is_homogeneous()) {
            return tomlError(
                QStringLiteral("PREFECT042"),
                QStringLiteral("an array mixes value types: Prefect's toml 0.10 parser rejects it "
                               "and `import prefect` fails"),
                locationOf(fileName, a->source()));
        }
        std::vector<PythonValue> items;
        for (const auto &item : *a) {
            auto converted = toPython(item, fileName, depth + 1);
            if (!converted)
                return converted.error();
            items.push_back(converted.value());
        }
        return PythonValue::list(std::move(items));
    }
    if (const auto *t = node.as_table()) {
        std::vector<PythonValue> items;
        for (const auto &[key, value] : *t) {
            const QString name = fromStd(key.str());
            if (t->is_inline() && name.contains(QLatin1Char(','))) {
                return tomlError(
                    QStringLiteral("PREFECT042"),
                    QStringLiteral("an inline table key holds a comma: Prefect's toml 0.10 parser "
                                   "rejects it and `import prefect` fails"),
                    locationOf(fileName, key.source()));
            }
            auto converted = toPython(value, fileName, depth + 1);
            if (!converted)
                return converted.error();
            items.push_back(PythonValue::str(name));
            items.push_back(converted.value());
        }
        return PythonValue::dict(std::move(items));
    }
    std::ostringstream text; // dates and times: their TOML text stands for Python's datetime objects
    if (const auto *d = node.as_date())
        text << *d;
    else if (const auto *t = node.as_time())
        text << *t;
    else if (const auto *dt = node.as_date_time())
        text << *dt;
    return PythonValue::str(QString::fromStdString(text.str()));
}

} // namespace

QString ConfigTomlFile::defaultPath(const PrefectEnvironment &world)
{
    QString path = QStringLiteral("~/.prefect/config.toml");
    if (world.variable) {
        if (auto configured = world.variable(QStringLiteral("PREFECT__USER_CONFIG_PATH")))
            path = *configured;
    }
    return PrefectPipeline::expandUser(PrefectPipeline::expandVars(path, world), world);
}

Result<PythonValue> ConfigTomlFile::parseDocument(const QByteArray &text, const QString &fileName)
{
    if (text.size() > ImportFileLimit::MaxBytes)
        return ImportFileLimit::tooLarge(fileName, text.size());
    // toml 0.10 silently returns an empty or cut document when a multi-line string spans CRLF lines.
    if (text.contains("\r\n")) {
        const ConfigTomlLayout layout(text);
        for (const TomlStatement &statement : layout.statements()) {
            const QByteArray value = layout.lines()[size_t(statement.firstLine)].mid(statement.valueStart, 3);
            if (statement.kind == TomlStatement::Kind::KeyValue && statement.lastLine > statement.firstLine &&
                (value == "'''" || value == "\"\"\"")) {
                return tomlError(
                    QStringLiteral("PREFECT042"),
                    QStringLiteral("a multi-line string in a file with CRLF line ends: Prefect's toml "
                                   "0.10 parser silently loses the rest of the file"),
                    Location{fileName, statement.firstLine + 1, int(statement.valueStart) + 1, {}});
            }
        }
    }
    try {
        const toml::table table =
            toml::parse(std::string_view(text.constData(), size_t(text.size())), fileName.toStdString());
        return toPython(table, fileName);
    } catch (const toml::parse_error &error) {
        return tomlError(
            QStringLiteral("PREFECT041"),
            QStringLiteral("invalid TOML: %1").arg(PrefectTomlValue::withoutExcerpts(error.description())),
            locationOf(fileName, error.source()));
    }
}

std::optional<PythonValue> ConfigTomlFile::member(const PythonValue &dict, const QString &key)
{
    if (!dict.isDict())
        return std::nullopt;
    const auto &items = dict.items();
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].isStr() && items[i].text() == key)
            return items[i + 1];
    }
    return std::nullopt;
}

Result<PythonValue> ConfigTomlFile::secretsTable(const PythonValue &document, const QString &fileName)
{
    Location where;
    where.file = fileName;
    const auto context = member(document, QStringLiteral("context"));
    if (!context)
        return PythonValue::dict({});
    if (!context->isDict())
        return tomlError(QStringLiteral("PREFECT043"), QStringLiteral("`context` is not a table"), where);
    const auto secrets = member(*context, QStringLiteral("secrets"));
    if (!secrets)
        return PythonValue::dict({});
    if (!secrets->isDict())
        return tomlError(QStringLiteral("PREFECT043"), QStringLiteral("`context.secrets` is not a table"),
                         where);
    return *secrets;
}

Result<QList<PrefectSecretEntry>> ConfigTomlFile::readSecrets(const QByteArray &text, const QString &fileName,
                                                              const PrefectEnvironment &world)
{
    auto document = parseDocument(text, fileName);
    if (!document)
        return document.error();
    auto secrets = secretsTable(document.value(), fileName);
    if (!secrets)
        return secrets.error();

    // Document order and the place of each secret's first definition.
    QStringList order;
    QHash<QString, Location> places;
    const ConfigTomlLayout layout(text);
    const QStringList secretsPath = {QStringLiteral("context"), QStringLiteral("secrets")};
    QStringList header;
    for (const TomlStatement &statement : layout.statements()) {
        QStringList full;
        if (statement.kind == TomlStatement::Kind::KeyValue) {
            full = header + statement.path;
        } else if (statement.kind != TomlStatement::Kind::Trivia) {
            header = statement.path;
            full = header;
        }
        if (full.size() < 3 || full.mid(0, 2) != secretsPath || places.contains(full.at(2)))
            continue;
        const QByteArray &line = layout.lines()[size_t(statement.firstLine)];
        Location where;
        where.file = fileName;
        where.line = statement.firstLine + 1;
        where.column =
            int(line.size() - line.trimmed().size() == 0 ? 1 : line.indexOf(line.trimmed().at(0)) + 1);
        places.insert(full.at(2), where);
        order << full.at(2);
    }
    const auto &items = secrets.value().items();
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        if (!order.contains(items[i].text()))
            order << items[i].text();
    }

    // `${a.b}` references: the document's own leaves first (Prefect only finds leaves), then the world.
    PrefectEnvironment local = world;
    const PythonValue doc = document.value();
    local.configValue = [doc, world](const QStringList &path) -> std::optional<PythonValue> {
        std::optional<PythonValue> node = doc;
        for (const QString &key : path) {
            node = member(*node, key);
            if (!node)
                break;
        }
        if (node && !node->isDict())
            return node;
        return world.configValue ? world.configValue(path) : std::nullopt;
    };

    QList<PrefectSecretEntry> entries;
    for (const QString &name : order) {
        PrefectSecretEntry entry;
        entry.name = name;
        entry.origin = fileName;
        entry.location = places.value(name, Location{fileName, 0, 0, {}});
        PrefectSecretImport::settle(entry,
                                    PrefectPipeline::loadTomlValue(*member(secrets.value(), name), local));
        entries << entry;
    }
    return entries;
}

Result<QList<PrefectSecretEntry>> ConfigTomlFile::readSecretsFile(const QString &path,
                                                                  const PrefectEnvironment &world)
{
    QFile file(path);
    Location where;
    where.file = path;
    if (!file.exists()) {
        return Diagnostic::error(Failure::NotFound, QStringLiteral("PREFECT040"),
                                 QStringLiteral("no Prefect config file here"), where);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Diagnostic::error(
            Failure::Io, QStringLiteral("PREFECT040"),
            QStringLiteral("cannot read the Prefect config file: %1").arg(file.errorString()), where);
    }
    const auto text = ImportFileLimit::readAll(file);
    if (!text)
        return text.error();
    return readSecrets(text.value(), path, world);
}

} // namespace secretdesk
