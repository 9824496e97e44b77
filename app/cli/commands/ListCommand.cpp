#include "app/cli/commands/ListCommand.h"

#include "app/cli/ExitCode.h"
#include "core/store/SecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace secretdesk::cli {

namespace {
QJsonObject toJson(const SecretRecord &r)
{
    return {{QStringLiteral("name"), r.name.toString()},
            {QStringLiteral("type"), SecretValue::typeName(r.type)},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("target"), exportTargetName(r.target)},
            {QStringLiteral("note"), r.note},
            {QStringLiteral("created"), r.created.toString(Qt::ISODate)},
            {QStringLiteral("updated"), r.updated.toString(Qt::ISODate)}};
}
} // namespace

int ListCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    const QCommandLineOption namesOnly(
        QStringLiteral("names"),
        QStringLiteral("Print only the names, one per line (for scripts and completion)."));
    parser.addOption(json);
    parser.addOption(namesOnly);
    if (const int rc = parse(parser, context, args, QStringLiteral("list [--json | --names]")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("list takes no arguments"));

    auto records = context.store->records(context.profile);
    if (!records)
        return context.fail(records.error());
    if (parser.isSet(namesOnly)) {
        for (const SecretRecord &r : *records)
            context.print(r.name.toString() + QLatin1Char('\n'));
        return ExitOk;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const SecretRecord &r : *records)
            array.append(toJson(r));
        context.write(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (records->isEmpty()) {
        context.message(
            QStringLiteral("No secrets in profile '%1'. Add one with: secretdesk-cli set NAME --stdin")
                .arg(context.profile.toString()));
        return ExitOk;
    }
    int width = 4;
    for (const SecretRecord &r : *records)
        width = std::max(width, static_cast<int>(r.name.toString().size()));
    const auto row = [width](const QString &a, const QString &b, const QString &c, const QString &d,
                             const QString &e) {
        return a.leftJustified(width) + QStringLiteral("  ") + b.leftJustified(6) + QStringLiteral("  ") +
               c.leftJustified(24) + QStringLiteral("  ") + d.leftJustified(7) + QStringLiteral("  ") + e +
               QLatin1Char('\n');
    };
    context.print(row(QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("KIND"),
                      QStringLiteral("TARGET"), QStringLiteral("UPDATED")));
    for (const SecretRecord &r : *records) {
        context.print(row(r.name.toString(), SecretValue::typeName(r.type),
                          r.kind.isEmpty() ? QStringLiteral("-") : r.kind, exportTargetName(r.target),
                          r.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    return ExitOk;
}

} // namespace secretdesk::cli
