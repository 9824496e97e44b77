#include "app/cli/commands/cloud/CloudLoginCommand.h"

#include "app/cli/Await.h"
#include "app/cli/ExitCode.h"
#include "app/cli/commands/cloud/CloudSession.h"
#include "core/cloud/CloudBackend.h"
#include "core/model/SecureBytes.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

namespace {
constexpr qsizetype MaxKeyBytes = 4096;

Result<QByteArray> readKey(CliContext &context)
{
    QByteArray key;
    if (context.inIsTerminal && context.readHidden) {
        key = context.readHidden(QStringLiteral("Prefect API key: "));
    } else {
        while (key.size() <= MaxKeyBytes) {
            const QByteArray chunk = context.in->read(4096);
            if (chunk.isEmpty())
                break;
            key += chunk;
        }
    }
    key = key.trimmed(); // a key never has surrounding blanks; echo and here-documents add a newline
    if (key.isEmpty() || key.size() > MaxKeyBytes || key.contains('\n') || key.contains(' ')) {
        wipeBytes(key);
        return Diagnostic::error(
            Failure::InvalidInput, QStringLiteral("CLOUD032"),
            QStringLiteral("no API key read: pipe it on standard input (one line), or run "
                           "on a terminal to be prompted; it is never taken from arguments"));
    }
    return key;
}
} // namespace

int CloudLoginCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption backend(QStringLiteral("backend"), QStringLiteral("prefect1 or prefect2."),
                                     QStringLiteral("backend"));
    const QCommandLineOption url(
        QStringLiteral("api-url"),
        QStringLiteral("prefect2: PREFECT_API_URL (http://127.0.0.1:4200/api or "
                       "https://api.prefect.cloud/api/accounts/<id>/workspaces/<id>); "
                       "prefect1: the GraphQL endpoint (https://api.prefect.io)."),
        QStringLiteral("url"));
    const QCommandLineOption tenant(QStringLiteral("tenant"),
                                    QStringLiteral("prefect1: the tenant id to send."), QStringLiteral("id"));
    const QCommandLineOption noVerify(
        QStringLiteral("no-verify"),
        QStringLiteral("Store the link without checking the key with the server."));
    parser.addOptions({backend, url, tenant, noVerify});
    if (const int rc =
            parse(parser, context, args,
                  QStringLiteral("cloud login --backend prefect1|prefect2 --api-url URL [--tenant ID] "
                                 "(API key on stdin or prompt)"));
        rc >= 0)
        return rc;
    if (!parser.isSet(backend) || !parser.isSet(url) || !parser.positionalArguments().isEmpty())
        return context.usage(
            QStringLiteral("cloud login takes --backend and --api-url, and no API key argument"));
    auto kind = backendFromName(parser.value(backend));
    if (!kind)
        return context.fail(kind.error());
    auto link = CloudLink::make(*kind, parser.value(url), parser.value(tenant));
    if (!link)
        return context.fail(link.error());

    auto key = readKey(context);
    if (!key)
        return context.fail(key.error());
    if (!parser.isSet(noVerify)) {
        auto remote = CloudBackend::create(*link, *key, RetryPolicy::fromEnvironment());
        const Status verified = await<Status>([&](QObject *ctx, auto done) { remote->verify(ctx, done); });
        if (!verified) {
            wipeBytes(key.value());
            return context.fail(verified.error());
        }
    }
    const Status stored = await<Status>([&](QObject *ctx, auto done) {
        context.store->vault()->write(CloudLink::apiKeyKey(context.profile), *key, ctx, done);
    });
    wipeBytes(key.value());
    if (!stored)
        return context.fail(stored.error());
    if (const Status saved = link->save(context.store->catalogFile(), context.profile); !saved)
        return context.fail(saved.error());
    context.message(QStringLiteral("Linked profile '%1' to %2; the API key is in the keychain")
                        .arg(context.profile.toString(), CloudSession::describe(*link)));
    return ExitOk;
}

} // namespace secretdesk::cli
