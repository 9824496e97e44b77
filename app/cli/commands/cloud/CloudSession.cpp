#include "app/cli/commands/cloud/CloudSession.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "core/model/SecureBytes.h"

namespace secretdesk::cli {

Result<std::unique_ptr<CloudSession>> CloudSession::open(CliContext &context)
{
    auto link = CloudLink::load(context.store->catalogFile(), context.profile);
    if (!link)
        return link.error();
    if (!link->has_value()) {
        Diagnostic error = Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("CLOUD030"),
            QStringLiteral("profile '%1' is not linked to a remote").arg(context.profile.toString()));
        error.fix = QStringLiteral("secretdesk-cli cloud login --backend prefect2 --api-url URL");
        return error;
    }
    auto key = await<Result<QByteArray>>([&](QObject *ctx, auto done) {
        context.store->vault()->read(CloudLink::apiKeyKey(context.profile), ctx, done);
    });
    if (!key) {
        Diagnostic error = key.error();
        if (error.failure == Failure::NotFound) {
            error.code = QStringLiteral("CLOUD031");
            error.message =
                QStringLiteral("no API key for profile '%1' in the keychain").arg(context.profile.toString());
            error.fix = QStringLiteral("run 'secretdesk-cli cloud login' again");
        }
        return error;
    }
    auto session = std::make_unique<CloudSession>();
    session->m_link = **link;
    session->m_backend = CloudBackend::create(session->m_link, *key, RetryPolicy::fromEnvironment());
    wipeBytes(key.value());
    session->m_sync = std::make_unique<CloudSync>(context.store, context.profile, session->m_backend.get());
    return session;
}

QString CloudSession::describe(const CloudLink &link)
{
    QString text = QStringLiteral("%1 at %2").arg(backendName(link.backend), link.apiUrl.toString());
    if (!link.workspace.isEmpty())
        text += QStringLiteral(" (%1 %2)")
                    .arg(link.backend == BackendKind::Prefect1 ? QStringLiteral("tenant")
                                                               : QStringLiteral("workspace"),
                         link.workspace);
    return text;
}

int CloudSession::report(CliContext &context, const SyncReport &report, const QString &what)
{
    const bool unauthorized = report.failure && report.failure->failure == Failure::Unauthorized;
    for (const SyncItem &item : report.items) {
        const QString names = item.localName == item.remoteName || item.localName.isEmpty()
                                  ? item.remoteName
                                  : QStringLiteral("%1 -> %2").arg(item.localName, item.remoteName);
        if (item.error) {
            if (!unauthorized)
                context.message(QStringLiteral("secretdesk-cli: %1: %2").arg(names, item.error->toString()));
            continue;
        }
        if (item.action != SyncAction::None)
            context.print(QStringLiteral("%1  %2\n").arg(actionName(item.action).leftJustified(9), names));
    }
    context.message(
        QStringLiteral("%1%2: %3 created, %4 updated, %5 deleted, %6 unchanged, %7 skipped, %8 failed "
                       "(%9 requests)")
            .arg(report.dryRun ? QStringLiteral("Dry run, nothing changed. ") : QString(), what)
            .arg(report.count(SyncAction::Create))
            .arg(report.count(SyncAction::Update))
            .arg(report.count(SyncAction::Delete))
            .arg(report.count(SyncAction::Unchanged))
            .arg(report.count(SyncAction::Skip))
            .arg(report.errorCount())
            .arg(report.requests));
    if (report.failure)
        return context.fail(*report.failure);
    const auto first = report.firstError();
    return first ? exitCodeFor(first->failure) : ExitOk;
}

} // namespace secretdesk::cli
