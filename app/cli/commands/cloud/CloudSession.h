#pragma once

#include "app/cli/CliContext.h"
#include "core/cloud/CloudSync.h"

#include <memory>

namespace secretdesk::cli {

// What every cloud command but login needs: the profile's link, its API key from the keychain, a
// backend and a sync engine over the context's store. Also prints sync reports (names only).
class CloudSession {
public:
    static Result<std::unique_ptr<CloudSession>> open(CliContext &context);

    const CloudLink &link() const { return m_link; }
    CloudSync &sync() { return *m_sync; }

    // One line per secret (errors to stderr), then a summary; returns the exit code.
    static int report(CliContext &context, const SyncReport &report, const QString &what);
    static QString describe(const CloudLink &link);

private:
    CloudLink m_link;
    std::unique_ptr<CloudBackend> m_backend;
    std::unique_ptr<CloudSync> m_sync;
};

} // namespace secretdesk::cli
