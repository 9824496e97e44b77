#include "app/cli/commands/cloud/CloudDiffCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "app/cli/commands/cloud/CloudSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace secretdesk::cli {

int CloudDiffCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    parser.addOption(json);
    if (const int rc = parse(parser, context, args, QStringLiteral("cloud diff [--json]")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("cloud diff takes no arguments"));
    auto session = CloudSession::open(context);
    if (!session)
        return context.fail(session.error());
    const SyncReport report =
        await<SyncReport>([&](QObject *ctx, auto done) { session.value()->sync().diff(ctx, done); });
    if (report.failure)
        return context.fail(*report.failure);
    QJsonArray entries;
    for (const SyncItem &item : report.items) {
        // Values are compared, never shown: a comparison is only ever same, changed or unknown.
        const QString comparison =
            item.presence == Presence::Both ? comparisonName(item.comparison) : QString();
        if (parser.isSet(json)) {
            QJsonObject entry{
                {QStringLiteral("local"),
                 item.localName.isEmpty() ? QJsonValue() : QJsonValue(item.localName)},
                {QStringLiteral("remote"), item.remoteName},
                {QStringLiteral("presence"), presenceName(item.presence)},
                {QStringLiteral("comparison"), comparison.isEmpty() ? QJsonValue() : QJsonValue(comparison)}};
            if (item.error)
                entry.insert(QStringLiteral("error"), item.error->toString());
            entries.append(entry);
            continue;
        }
        const QString state = comparison.isEmpty() ? presenceName(item.presence) : comparison;
        context.print(QStringLiteral("%1  %2  %3\n")
                          .arg(state.leftJustified(11),
                               item.localName.isEmpty() ? QStringLiteral("-") : item.localName,
                               item.remoteName));
        if (item.error)
            context.message(
                QStringLiteral("secretdesk-cli: %1: %2").arg(item.remoteName, item.error->toString()));
    }
    if (parser.isSet(json))
        context.write(QJsonDocument(entries).toJson(QJsonDocument::Indented));
    const auto first = report.firstError();
    return first ? exitCodeFor(first->failure) : ExitOk;
}

} // namespace secretdesk::cli
