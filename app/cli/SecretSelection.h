#pragma once

#include "app/cli/CliContext.h"
#include "core/exporters/ExportPlan.h"
#include "core/model/SecretRecord.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace secretdesk::cli {

// The secrets a command works on (all of the profile's, or --names a,b), with their values read from
// the keychain, and the --style option that turns them into variables.
class SecretSelection {
public:
    struct Item {
        SecretRecord record;
        SecretValue value;
    };

    void addOptions(QCommandLineParser &parser) const;
    // Reads the selected values; fails on the first unknown name or keychain error, before any output.
    Result<QList<Item>> load(CliContext &context, const QCommandLineParser &parser) const;
    // --style, or nothing: then each secret's own target (context, plain, or both) decides.
    Result<std::optional<ExportStyle>> style(const QCommandLineParser &parser) const;
    // The variables for the items; every refusal is collected (each names its secret), none is skipped.
    static QList<ExportEntry> entries(const QList<Item> &items, std::optional<ExportStyle> style,
                                      const ContextForm &form, QList<Diagnostic> &refusals);

private:
    QCommandLineOption m_names{QStringLiteral("names"),
                               QStringLiteral("Only these secrets (comma-separated)."),
                               QStringLiteral("a,b")};
    QCommandLineOption m_style{
        QStringLiteral("style"),
        QStringLiteral("context (PREFECT__CONTEXT__SECRETS__NAME) or plain (NAME); default: "
                       "each secret's own target."),
        QStringLiteral("style")};
};

} // namespace secretdesk::cli
