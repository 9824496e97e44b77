#include "app/cli/commands/SetCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "app/cli/FindingPrinter.h"
#include "app/cli/ValueInput.h"
#include "core/model/SecureBytes.h"
#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"

namespace secretdesk::cli {

int SetCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The secret's name."));
    const ValueInput input;
    input.addOptions(parser);
    const QCommandLineOption type(
        QStringLiteral("type"),
        QStringLiteral("string (default) or json (a JSON object, e.g. AWS_CREDENTIALS)."),
        QStringLiteral("type"));
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("The default-secret kind it follows."),
                                  QStringLiteral("kind"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("A note (not secret)."),
                                  QStringLiteral("text"));
    const QCommandLineOption target(QStringLiteral("target"),
                                    QStringLiteral("Where exports put it: context (default), plain or both."),
                                    QStringLiteral("target"));
    parser.addOptions({type, kind, note, target});
    if (const int rc =
            parse(parser, context, args,
                  QStringLiteral("set NAME (--stdin | --from-file FILE) [--type string|json] [options]"));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return context.usage(
            QStringLiteral("set takes exactly one NAME; the value never goes on the command line"));
    auto name = SecretName::parse(parser.positionalArguments().constFirst());
    if (!name)
        return context.fail(name.error());

    SecretChange change{*name, SecretValue()};
    const ValidatorRegistry registry;
    // A default-secret name implies its kind, and the kind its value type, unless the user says otherwise.
    const auto existing = context.store->record(context.profile, *name);
    QString kindId = parser.isSet(kind)
                         ? parser.value(kind)
                         : (existing ? existing->kind : registry.kindForName(name->toString()));
    if (!kindId.isEmpty() && !registry.hasKind(kindId)) {
        return context.fail(
            Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALIDATE001"),
                              QStringLiteral("unknown kind '%1' (see validate --list-kinds)").arg(kindId)));
    }
    if (!kindId.isEmpty())
        change.kind = kindId;
    SecretValue::Type valueType = existing ? existing->type : SecretValue::Type::String;
    for (const KindInfo &info : registry.kinds()) {
        if (!existing && info.id == kindId)
            valueType = info.valueType;
    }
    if (parser.isSet(type)) {
        auto parsed = SecretValue::typeFromName(parser.value(type));
        if (!parsed)
            return context.fail(parsed.error());
        valueType = *parsed;
    }
    if (parser.isSet(target)) {
        auto parsed = exportTargetFromName(parser.value(target));
        if (!parsed)
            return context.fail(parsed.error());
        change.target = *parsed;
    }
    if (parser.isSet(note))
        change.note = parser.value(note);

    auto bytes = input.read(context, parser, name->toString());
    if (!bytes)
        return context.fail(bytes.error());
    auto value = SecretValue::fromStored(valueType, *bytes);
    wipeBytes(bytes.value());
    if (!value) {
        Diagnostic error = value.error();
        if (error.location.file.isEmpty())
            error.location.file = parser.isSet(QStringLiteral("from-file"))
                                      ? parser.value(QStringLiteral("from-file"))
                                      : QStringLiteral("<value>");
        return context.fail(error);
    }
    change.value = *value;

    auto saved = await<Result<SecretRecord>>(
        [&](QObject *ctx, auto done) { context.store->save(context.profile, change, ctx, done); });
    if (!saved)
        return context.fail(saved.error());
    context.message(
        QStringLiteral("Saved %1 (%2) in profile '%3'")
            .arg(name->toString(), SecretValue::typeName(saved->type), context.profile.toString()));
    // Saved either way (a draft is worth keeping), but say at once what Prefect would stumble on.
    if (!kindId.isEmpty()) {
        Findings findings = registry.validateText(kindId, change.value.pretty(), name->toString());
        printFindings(context, findings);
    }
    return ExitOk;
}

} // namespace secretdesk::cli
