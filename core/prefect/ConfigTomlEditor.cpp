#include "core/prefect/ConfigTomlEditor.h"

#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/ConfigTomlLayout.h"
#include "core/prefect/ImportFileLimit.h"
#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PrefectTomlValue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <map>

namespace secretdesk {

namespace {

const QStringList &secretsPath()
{
    static const QStringList path = {QStringLiteral("context"), QStringLiteral("secrets")};
    return path;
}

Diagnostic editError(const QString &code, const QString &message, const QString &file, int line = 0)
{
    Location where;
    where.file = file;
    where.line = line;
    return Diagnostic::error(Failure::InvalidInput, code, message, where);
}

QByteArray dottedKey(const QStringList &path)
{
    QByteArray out;
    for (const QString &part : path)
        out += (out.isEmpty() ? "" : ".") + PrefectTomlValue::key(part);
    return out;
}

// A dict with `key` set to `value` (appended when new) or removed (nullopt).
PythonValue withMember(const PythonValue &dict, const QString &key, const std::optional<PythonValue> &value)
{
    std::vector<PythonValue> items;
    bool placed = false;
    const auto &old = dict.items();
    for (size_t i = 0; i + 1 < old.size(); i += 2) {
        if (old[i].isStr() && old[i].text() == key) {
            placed = true;
            if (value) {
                items.push_back(old[i]);
                items.push_back(*value);
            }
        } else {
            items.push_back(old[i]);
            items.push_back(old[i + 1]);
        }
    }
    if (!placed && value) {
        items.push_back(PythonValue::str(key));
        items.push_back(*value);
    }
    return PythonValue::dict(std::move(items));
}

// The document without an empty context.secrets (and then an empty context): Prefect drops empty
// tables when it flattens the file, and removing the last secret may leave no table behind.
PythonValue withoutEmptySecrets(const PythonValue &document)
{
    auto context = ConfigTomlFile::member(document, QStringLiteral("context"));
    if (!context || !context->isDict())
        return document;
    auto secrets = ConfigTomlFile::member(*context, QStringLiteral("secrets"));
    PythonValue trimmed = *context;
    if (secrets && secrets->isDict() && secrets->items().empty())
        trimmed = withMember(trimmed, QStringLiteral("secrets"), std::nullopt);
    return withMember(document, QStringLiteral("context"),
                      trimmed.items().empty() ? std::nullopt : std::optional<PythonValue>(trimmed));
}

// One statement with its table and, when it defines part of a secret, that secret's name.
struct Placed {
    const TomlStatement *statement;
    QStringList header;
    QStringList full;
    QString owner;
};

} // namespace

Result<QByteArray> ConfigTomlEditor::apply(const QByteArray &original,
                                           const QList<PrefectTomlChange> &changes, const QString &fileName)
{
    auto document = ConfigTomlFile::parseDocument(original, fileName);
    if (!document)
        return document.error();
    auto secrets = ConfigTomlFile::secretsTable(document.value(), fileName);
    if (!secrets)
        return secrets.error();

    // Encode everything first: a refused value stops the edit before anything is produced.
    std::map<QString, QByteArray> encoded;
    PythonValue expectedSecrets = secrets.value();
    for (const PrefectTomlChange &change : changes) {
        const QString name = change.name.toString();
        std::optional<PythonValue> parsed;
        if (change.value) {
            auto text = PrefectCodec::encodeToml(*change.value);
            if (!text) {
                return editError(QStringLiteral("PREFECT046"),
                                 QStringLiteral("secret '%1' cannot be written to config.toml: %2")
                                     .arg(name, text.error().message),
                                 fileName);
            }
            encoded[name] = text.value();
            auto value = PrefectTomlValue::parse(text.value());
            if (!value)
                return editError(QStringLiteral("PREFECT045"), QStringLiteral("the codec wrote invalid TOML"),
                                 fileName);
            parsed = value.value();
        } else {
            encoded.erase(name);
        }
        expectedSecrets = withMember(expectedSecrets, name, parsed);
    }

    const ConfigTomlLayout layout(original);
    const QByteArray eol = layout.usesCrlf() ? "\r\n" : "\n";
    std::vector<Placed> placed;
    QStringList header;
    for (const TomlStatement &statement : layout.statements()) {
        Placed p{&statement, header, {}, {}};
        if (statement.kind == TomlStatement::Kind::KeyValue) {
            p.full = header + statement.path;
            if (p.full.size() <= 2 && p.full == secretsPath().mid(0, p.full.size())) {
                return editError(
                    QStringLiteral("PREFECT044"),
                    QStringLiteral("context.secrets is written as an inline value here: move it to a "
                                   "[context.secrets] table first"),
                    fileName, statement.firstLine + 1);
            }
        } else if (statement.kind != TomlStatement::Kind::Trivia) {
            header = statement.path;
            p.header = header;
            p.full = header;
        }
        if (p.full.size() >= 3 && p.full.mid(0, 2) == secretsPath())
            p.owner = p.full.at(2);
        placed.push_back(p);
    }

    std::vector<std::optional<QByteArray>> lines(layout.lines().begin(), layout.lines().end());
    std::map<int, QByteArray> insertAfter; // line index (-1: before everything) -> text to add after it
    auto dropStatement = [&](const TomlStatement &s) {
        for (int line = s.firstLine; line <= s.lastLine; ++line)
            lines[size_t(line)].reset();
    };
    QStringList pending;
    for (const PrefectTomlChange &change : changes) {
        const QString name = change.name.toString();
        std::vector<size_t> owned;
        for (size_t i = 0; i < placed.size(); ++i) {
            if (placed[i].owner == name && placed[i].statement->kind != TomlStatement::Kind::Trivia)
                owned.push_back(i);
        }
        const auto text = encoded.find(name);
        if (text != encoded.end() && owned.size() == 1 && placed[owned[0]].full.size() == 3 &&
            placed[owned[0]].statement->kind == TomlStatement::Kind::KeyValue) {
            const TomlStatement &s = *placed[owned[0]].statement;
            const QByteArray first = layout.lines()[size_t(s.firstLine)];
            const QByteArray last = layout.lines()[size_t(s.lastLine)];
            dropStatement(s);
            lines[size_t(s.firstLine)] = first.left(s.valueStart) + text->second + last.mid(s.valueEnd);
            continue;
        }
        for (const size_t i : owned) {
            dropStatement(*placed[i].statement);
            if (placed[i].statement->kind == TomlStatement::Kind::KeyValue)
                continue;
            // A sub-table of the secret: its comments up to its last key go with it.
            size_t lastKey = i;
            for (size_t j = i + 1;
                 j < placed.size() && placed[j].statement->kind != TomlStatement::Kind::Table &&
                 placed[j].statement->kind != TomlStatement::Kind::ArrayTable;
                 ++j) {
                if (placed[j].statement->kind == TomlStatement::Kind::KeyValue)
                    lastKey = j;
            }
            for (size_t j = i + 1; j <= lastKey; ++j)
                dropStatement(*placed[j].statement);
        }
        if (text != encoded.end() && !pending.contains(name))
            pending << name;
    }

    pending.removeIf([&encoded](const QString &name) { return !encoded.count(name); });
    if (!pending.isEmpty()) {
        // Where new lines go: the [context.secrets] table, else a table holding dotted secrets keys,
        // else a new [context.secrets] table before its first sub-table or at the end.
        int anchor = -2;
        QStringList prefix;
        const auto kept = [&lines](const Placed &p) {
            return bool(lines[size_t(p.statement->firstLine)]);
        };
        for (const Placed &p : placed) {
            if (p.statement->kind == TomlStatement::Kind::Table && p.header == secretsPath())
                anchor = p.statement->lastLine;
            else if (anchor != -2 && p.statement->kind == TomlStatement::Kind::KeyValue &&
                     p.header == secretsPath() && kept(p))
                anchor = p.statement->lastLine;
        }
        if (anchor == -2) {
            for (const Placed &p : placed) {
                if (p.statement->kind == TomlStatement::Kind::KeyValue && p.full.size() > 2 &&
                    p.header.size() < 2 && p.full.mid(0, 2) == secretsPath() && kept(p)) {
                    anchor = p.statement->lastLine;
                    prefix = secretsPath().mid(p.header.size());
                }
            }
        }
        QByteArray block;
        for (const QString &name : pending) {
            if (encoded.count(name)) // a later change in the list may have removed it again
                block += dottedKey(prefix + QStringList{name}) + " = " + encoded[name] + eol;
        }
        if (anchor != -2) {
            insertAfter[anchor] += block;
        } else {
            block = "[context.secrets]" + eol + block;
            int before = -1;
            for (const Placed &p : placed) {
                if (p.statement->kind != TomlStatement::Kind::KeyValue &&
                    p.statement->kind != TomlStatement::Kind::Trivia && p.full.size() >= 3 &&
                    p.full.mid(0, 2) == secretsPath() && kept(p)) {
                    before = p.statement->firstLine;
                    break;
                }
            }
            if (before >= 0) {
                insertAfter[before - 1] += block + eol;
            } else {
                const bool blankNeeded = !lines.empty() && !layout.lines().back().trimmed().isEmpty();
                insertAfter[int(lines.size()) - 1] += (blankNeeded ? eol : QByteArray()) + block;
            }
        }
    }

    QByteArray out = insertAfter.count(-1) ? insertAfter[-1] : QByteArray();
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i])
            out += *lines[i] +
                   (i + 1 < lines.size() || layout.endsWithNewline() ? QByteArray("\n") : QByteArray());
        const auto extra = insertAfter.find(int(i));
        if (extra != insertAfter.end()) {
            if (!out.isEmpty() && !out.endsWith('\n'))
                out += eol;
            out += extra->second;
        }
    }

    // The self-check: the new text must be the old document with only the requested secrets changed.
    auto reparsed = ConfigTomlFile::parseDocument(out, fileName);
    PythonValue expected = document.value();
    auto context =
        ConfigTomlFile::member(expected, QStringLiteral("context")).value_or(PythonValue::dict({}));
    expected = withMember(expected, QStringLiteral("context"),
                          withMember(context, QStringLiteral("secrets"), expectedSecrets));
    if (!reparsed || !(withoutEmptySecrets(reparsed.value()) == withoutEmptySecrets(expected))) {
        return editError(
            QStringLiteral("PREFECT045"),
            QStringLiteral("the update would change more than [context.secrets]; nothing written"), fileName);
    }
    return out;
}

Result<QByteArray> ConfigTomlEditor::tableText(const QList<std::pair<SecretName, SecretValue>> &secrets)
{
    QByteArray out = "[context.secrets]\n";
    for (const auto &[name, value] : secrets) {
        auto text = PrefectCodec::encodeToml(value);
        if (!text) {
            return editError(QStringLiteral("PREFECT046"),
                             QStringLiteral("secret '%1' cannot be written to config.toml: %2")
                                 .arg(name.toString(), text.error().message),
                             QString());
        }
        out += PrefectTomlValue::key(name.toString()) + " = " + text.value() + "\n";
    }
    return out;
}

Status ConfigTomlEditor::applyToFile(const QString &path, const QList<PrefectTomlChange> &changes)
{
    const auto ioError = [&path](const QString &message) {
        Location where;
        where.file = path;
        return Diagnostic::error(Failure::Io, QStringLiteral("PREFECT047"), message, where);
    };
    QFile current(path);
    const bool existed = current.exists();
    QByteArray original;
    if (existed) {
        if (!current.open(QIODevice::ReadOnly))
            return ioError(QStringLiteral("cannot read the config file: %1").arg(current.errorString()));
        auto text = ImportFileLimit::readAll(current); // a 200 MB "config.toml" is refused by its size
        current.close();
        if (!text)
            return text.error();
        original = std::move(text.value());
    }
    auto updated = apply(original, changes, path);
    if (!updated)
        return updated.error();
    if (existed && updated.value() == original)
        return Status::success();

    const QFileInfo info(path);
    if (!info.dir().exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return ioError(QStringLiteral("cannot create the folder of the config file"));
        QFile::setPermissions(info.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    const auto writeWhole = [](const QString &target, const QByteArray &bytes) -> QString {
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(bytes) != bytes.size())
            return file.errorString();
        if (!file.commit())
            return file.errorString();
        return {};
    };
    if (existed) {
        const QString failure = writeWhole(path + QStringLiteral(".bak"), original);
        if (!failure.isEmpty())
            return ioError(
                QStringLiteral("cannot write the backup %1.bak: %2").arg(info.fileName(), failure));
    }
    const QString failure = writeWhole(path, updated.value());
    if (!failure.isEmpty())
        return ioError(QStringLiteral("cannot write the config file: %1").arg(failure));
    return Status::success();
}

} // namespace secretdesk
