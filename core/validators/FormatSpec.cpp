#include "core/validators/FormatSpec.h"

#include <QDir>
#include <QFile>

#include <nlohmann/json.hpp>

namespace secretdesk {

namespace {

using Json = nlohmann::json;

QString str(const Json &object, const char *key, const QString &fallback = {})
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return fallback;
    return QString::fromStdString(it->get<std::string>());
}

QStringList strings(const Json &object, const char *key)
{
    QStringList out;
    const auto it = object.find(key);
    if (it != object.end() && it->is_array()) {
        for (const Json &item : *it) {
            if (item.is_string())
                out << QString::fromStdString(item.get<std::string>());
        }
    }
    return out;
}

Severity severityOf(const QString &name)
{
    if (name == QLatin1String("warning"))
        return Severity::Warning;
    if (name == QLatin1String("hint"))
        return Severity::Hint;
    return Severity::Error;
}

QList<PatternRule> rulesOf(const Json &object, QString *error)
{
    QList<PatternRule> rules;
    const auto it = object.find("rules");
    if (it == object.end() || !it->is_array())
        return rules;
    for (const Json &r : *it) {
        PatternRule rule;
        rule.code = str(r, "code");
        rule.severity = severityOf(str(r, "severity", QStringLiteral("error")));
        rule.message = str(r, "message");
        QString pattern = str(r, "match");
        if (pattern.isEmpty()) {
            pattern = str(r, "reject");
            rule.mustMatch = false;
        }
        rule.pattern = QRegularExpression(pattern);
        if (rule.code.isEmpty() || rule.message.isEmpty() || !rule.pattern.isValid()) {
            *error = QStringLiteral("rule %1 needs a code, a message and a valid pattern").arg(rule.code);
            return rules;
        }
        rules << rule;
    }
    return rules;
}

QList<FieldSpec> fieldsOf(const Json &variant, QString *error)
{
    QList<FieldSpec> fields;
    const auto it = variant.find("fields");
    if (it == variant.end() || !it->is_object())
        return fields;
    for (auto f = it->begin(); f != it->end(); ++f) {
        FieldSpec field;
        field.key = QString::fromStdString(f.key());
        field.type = str(*f, "type", QStringLiteral("string"));
        field.required = f->value("required", false);
        field.recommended = f->value("recommended", false);
        field.aliases = strings(*f, "aliases");
        field.checkWhitespace = str(*f, "whitespace") != QLatin1String("ignore");
        field.rules = rulesOf(*f, error);
        fields << field;
    }
    return fields;
}

} // namespace

const VariantSpec *FormatSpec::variant(const QString &discriminatorValue) const
{
    for (const VariantSpec &v : variants) {
        if (v.discriminatorValue == discriminatorValue)
            return &v;
    }
    return nullptr;
}

Result<FormatSpec> FormatSpec::fromJson(const QByteArray &text, const QString &file)
{
    auto failure = [&](const QString &message) {
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("FMT001"),
                                 QStringLiteral("format file %1: %2").arg(file, message));
    };
    try {
        const Json root = Json::parse(text.constData(), text.constData() + text.size());
        FormatSpec spec;
        spec.kind = str(root, "kind");
        spec.displayName = str(root, "displayName", spec.kind);
        spec.valueType = str(root, "valueType", QStringLiteral("string"));
        spec.codePrefix = str(root, "codePrefix");
        spec.names = strings(root, "names");
        spec.validator = str(root, "validator");
        spec.description = str(root, "description");
        spec.whitespaceSeverity = severityOf(str(root, "whitespace", QStringLiteral("error")));
        spec.discriminator = str(root, "discriminator");
        spec.warnUnknownKeys = root.value("warnUnknownKeys", true);
        if (const auto t = root.find("template"); t != root.end())
            spec.templateDocument = t->is_string() ? QByteArray::fromStdString(t->get<std::string>())
                                                   : QByteArray::fromStdString(t->dump(2));
        QString error;
        spec.rules = rulesOf(root, &error);
        if (const auto v = root.find("variants"); v != root.end() && v->is_object()) {
            for (auto it = v->begin(); it != v->end(); ++it) {
                VariantSpec variant;
                variant.discriminatorValue = QString::fromStdString(it.key());
                variant.supported = it->value("supported", true);
                variant.fields = fieldsOf(*it, &error);
                spec.variants << variant;
            }
        } else if (spec.isJson()) {
            VariantSpec only;
            only.fields = fieldsOf(root, &error);
            spec.variants << only;
        }
        if (!error.isEmpty())
            return failure(error);
        if (spec.kind.isEmpty() || spec.codePrefix.isEmpty())
            return failure(QStringLiteral("'kind' and 'codePrefix' are required"));
        return spec;
    } catch (const std::exception &e) {
        return failure(QString::fromUtf8(e.what()));
    }
}

QList<FormatSpec> FormatSpec::builtIn()
{
    QList<FormatSpec> specs;
    const QDir dir(QStringLiteral(":/secretdesk/formats"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Result<FormatSpec> spec = fromJson(file.readAll(), name);
        // The files ship inside the binary and a test loads each one: a broken file is a build defect.
        if (spec.ok())
            specs << std::move(spec).value();
    }
    return specs;
}

} // namespace secretdesk
