#pragma once

#include "core/exporters/ExportEntry.h"
#include "core/model/Diagnostic.h"
#include "core/model/Result.h"

#include <QList>
#include <QString>

namespace secretdesk {

// How the context style (PREFECT__CONTEXT__SECRETS__NAME) maps onto a target: most targets set
// environment variables and take Prefect's env encoding; a config-file target such as
// prefect-toml keeps the bare name and takes the TOML encoding.
struct ContextForm {
    enum class Codec { Env, Toml };
    bool prefixName = true;
    Codec codec = Codec::Env;
};

// One export target: turns entries into the text a reader (a shell, a dotenv parser, a CI runner)
// evaluates. Every entry is checked before anything is written, so an export either carries
// every value byte for byte or refuses with a reason per entry and writes nothing.
class Exporter {
public:
    virtual ~Exporter();

    virtual QString id() const = 0;
    virtual QString displayName() const = 0;
    virtual ContextForm contextForm() const { return {}; }

    // Success, or the reason this target cannot carry this entry (its name or its value).
    // The diagnostic names the entry, never its value.
    virtual Status check(const ExportEntry &entry) const = 0;

    // Every refusal, in entry order (duplicate names included); empty when all can be carried.
    QList<Diagnostic> refusals(const QList<ExportEntry> &entries) const;

    // The whole export, or the first refusal.
    Result<QByteArray> render(const QList<ExportEntry> &entries) const;

protected:
    // Renders entries that all passed check(). The default writes prologue(), each entry, epilogue().
    virtual QByteArray renderChecked(const QList<ExportEntry> &entries) const;
    virtual QByteArray prologue() const { return {}; }
    virtual QByteArray epilogue() const { return {}; }
    virtual void renderEntry(const ExportEntry &entry, QByteArray &out) const = 0;

    // A refusal with code "EXPORT_<what>" (e.g. EXPORT_DOCKER_NEWLINE) naming the entry.
    Diagnostic refusal(const QString &what, const ExportEntry &entry, const QString &reason) const;
    // The checks most targets share, coded EXPORT_<target>_NAME, _NUL and _UTF8: a portable
    // variable name, no NUL byte (no environment can hold one), valid UTF-8.
    Status checkCommon(const QString &target, const ExportEntry &entry) const;
};

} // namespace secretdesk
