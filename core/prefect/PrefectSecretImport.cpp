#include "core/prefect/PrefectSecretImport.h"

#include "core/model/SecretName.h"

namespace secretdesk {

namespace {

Diagnostic note(Severity severity, const QString &code, const QString &message, const Location &where)
{
    Diagnostic diagnostic = Diagnostic::error(Failure::InvalidInput, code, message, where);
    diagnostic.severity = severity;
    return diagnostic;
}

// The first key, at any depth of dicts, that Prefect's Config object refuses.
std::optional<QString> reservedKeyInside(const PythonValue &value)
{
    if (!value.isDict())
        return std::nullopt;
    const auto &items = value.items();
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].isStr() && SecretName::reservedNames().contains(items[i].text()))
            return items[i].text();
        if (auto inner = reservedKeyInside(items[i + 1]))
            return inner;
    }
    return std::nullopt;
}

} // namespace

void PrefectSecretImport::settle(PrefectSecretEntry &entry, const Result<PrefectReading> &reading)
{
    if (!reading) {
        Diagnostic failure = reading.error();
        if (failure.location.isEmpty())
            failure.location = entry.location;
        entry.diagnostics << failure;
        return;
    }
    entry.reading = reading.value();
    const PythonValue &context = reading.value().context;
    const PythonValue &got = reading.value().secretGet;

    if (auto key = reservedKeyInside(context)) {
        entry.diagnostics << note(Severity::Error, QStringLiteral("PREFECT031"),
                                  QStringLiteral("key '%1' inside secret '%2' shadows a method of Prefect's "
                                                 "configuration object: `import prefect` fails")
                                      .arg(*key, entry.name),
                                  entry.location);
        return;
    }
    auto name = SecretName::parse(entry.name);
    if (!name) {
        Diagnostic refused = name.error();
        refused.code = QStringLiteral("PREFECT030");
        refused.location = entry.location;
        refused.message =
            QStringLiteral("secret '%1' cannot be imported: %2").arg(entry.name, name.error().message);
        entry.diagnostics << refused;
        return;
    }

    auto stored = got.toSecretValue();
    if (stored) {
        entry.value = stored.value();
    } else {
        entry.value = SecretValue::fromString(got.toPythonRepr());
        entry.diagnostics << note(
            Severity::Warning, QStringLiteral("PREFECT032"),
            QStringLiteral("Prefect reads secret '%1' as a %2, not text or an object: "
                           "imported as its Python text, which Prefect will then read as a str")
                .arg(entry.name, got.typeName()),
            entry.location);
    }
    if (context.isStr() && got.isDict()) {
        entry.diagnostics << note(
            Severity::Warning, QStringLiteral("PREFECT033"),
            QStringLiteral("secret '%1' is JSON text: Secret.get() returns a dict but code "
                           "reading context.secrets directly (AWS, GCP helpers) gets a str; "
                           "exporting it again writes a dict literal")
                .arg(entry.name),
            entry.location);
    }
}

} // namespace secretdesk
