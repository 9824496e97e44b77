#include "app/cli/commands/ValidateCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "app/cli/FindingPrinter.h"
#include "app/cli/ValueInput.h"
#include "core/model/SecureBytes.h"
#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace secretdesk::cli {

namespace {
int listKinds(const CliContext &context, const ValidatorRegistry &registry)
{
    for (const KindInfo &kind : registry.kinds()) {
        context.print(
            QStringLiteral("%1  %2  %3\n")
                .arg(kind.id.leftJustified(34), kind.valueTypeName.leftJustified(6), kind.displayName));
    }
    return ExitOk;
}
} // namespace

int ValidateCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("A stored secret to check."),
                                 QStringLiteral("[NAME]"));
    const ValueInput input;
    input.addOptions(parser);
    const QCommandLineOption as(QStringLiteral("as"),
                                QStringLiteral("Check the text as this kind (see --list-kinds)."),
                                QStringLiteral("kind"));
    const QCommandLineOption file(QStringLiteral("file"),
                                  QStringLiteral("Check the text of <file> (same as --from-file)."),
                                  QStringLiteral("file"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the findings as JSON."));
    const QCommandLineOption listKindsOption(QStringLiteral("list-kinds"),
                                             QStringLiteral("List the kinds it knows."));
    parser.addOptions({as, file, json, listKindsOption});
    if (const int rc =
            parse(parser, context, args,
                  QStringLiteral("validate (NAME | --file FILE --as KIND | --stdin --as KIND) [--json]"));
        rc >= 0)
        return rc;

    const ValidatorRegistry registry;
    if (parser.isSet(listKindsOption))
        return listKinds(context, registry);

    QString kind = parser.value(as);
    QString where;
    QByteArray text;
    const QStringList names = parser.positionalArguments();
    if (names.size() > 1)
        return context.usage(QStringLiteral("validate takes at most one NAME"));
    if (names.size() == 1) {
        if (parser.isSet(file) || parser.isSet(QStringLiteral("stdin")) ||
            parser.isSet(QStringLiteral("from-file")))
            return context.usage(QStringLiteral("give either a NAME or --file/--stdin, not both"));
        auto name = SecretName::parse(names.constFirst());
        if (!name)
            return context.fail(name.error());
        auto record = context.store->record(context.profile, *name);
        if (!record)
            return context.fail(record.error());
        if (kind.isEmpty())
            kind = !record->kind.isEmpty() ? record->kind : registry.kindForName(name->toString());
        auto value = await<Result<SecretValue>>(
            [&](QObject *ctx, auto done) { context.store->readValue(context.profile, *name, ctx, done); });
        if (!value)
            return context.fail(value.error());
        // A stored JSON object is checked in its readable form so lines and columns mean something.
        text = value->pretty();
        where = name->toString();
    } else {
        if (parser.isSet(file)) {
            QFile f(parser.value(file));
            if (!f.open(QIODevice::ReadOnly)) {
                Location location;
                location.file = f.fileName();
                return context.fail(Diagnostic::error(
                    f.exists() ? Failure::Io : Failure::NotFound, QStringLiteral("INPUT003"),
                    QStringLiteral("cannot read the file: %1").arg(f.errorString()), location));
            }
            text = f.readAll();
            where = f.fileName();
        } else {
            auto bytes = input.read(context, parser, QStringLiteral("Value"));
            if (!bytes)
                return context.fail(bytes.error());
            text = *bytes;
            where = parser.isSet(QStringLiteral("from-file")) ? parser.value(QStringLiteral("from-file"))
                                                              : QStringLiteral("<stdin>");
        }
        if (kind.isEmpty())
            kind = registry.detectKind(text);
        if (kind.isEmpty()) {
            wipeBytes(text);
            return context.usage(QStringLiteral("say which kind to check with --as KIND (see --list-kinds)"));
        }
    }
    if (kind.isEmpty()) {
        context.message(QStringLiteral("%1: no default-secret kind applies; nothing to check").arg(where));
        return ExitOk;
    }
    if (!registry.hasKind(kind)) {
        wipeBytes(text);
        return context.fail(
            Diagnostic::error(Failure::InvalidInput, QStringLiteral("VALIDATE001"),
                              QStringLiteral("unknown kind '%1' (see --list-kinds)").arg(kind)));
    }
    const Findings findings = registry.validateText(kind, text, where);
    wipeBytes(text);
    const bool failed = hasErrors(findings);
    if (parser.isSet(json)) {
        const QJsonObject report{{QStringLiteral("source"), where},
                                 {QStringLiteral("kind"), kind},
                                 {QStringLiteral("valid"), !failed},
                                 {QStringLiteral("findings"), findingsToJson(findings)}};
        context.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        printFindings(context, findings);
        if (!failed)
            context.message(
                QStringLiteral("%1: valid %2%3")
                    .arg(where, kind, findings.isEmpty() ? QString() : QStringLiteral(" (with notes)")));
    }
    return failed ? ExitInvalid : ExitOk;
}

} // namespace secretdesk::cli
