#pragma once

#include "core/model/Result.h"
#include "core/prefect/PrefectEnvironment.h"
#include "core/prefect/PrefectSecretEntry.h"
#include "core/prefect/PrefectTomlValue.h"
#include "core/prefect/PythonValue.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace secretdesk {

// Prefect 1.x's user config.toml as Prefect reads it: the whole document (what the Python `toml` 0.10
// package hands to Prefect) and the secrets of its [context.secrets] table.
// Codes: PREFECT040 file missing or unreadable, PREFECT041 invalid TOML (file:line:column),
// PREFECT042 TOML that the `toml` 0.10 package rejects although TOML 1.0 allows it (mixed arrays, a
// comma in a quoted inline-table key, a multi-line string in a CRLF file, which toml 0.10 reads as
// an empty or cut document), PREFECT043 context or context.secrets is not a table, PREFECT060 a
// file over ImportFileLimit::MaxBytes (16 MiB), PREFECT061 tables and arrays nested deeper than
// MaxNesting (file:line:column of the first one too deep).
class ConfigTomlFile {
public:
    // Deepest nesting of tables and arrays a document may have (toml++ stops inline values at 256
    // by itself; `[a.b.c...]` headers and dotted keys are only bounded by this).
    static constexpr int MaxNesting = PrefectTomlValue::MaxNesting;

    // PREFECT__USER_CONFIG_PATH when set, else ~/.prefect/config.toml; `$VAR` and `~` expanded.
    static QString defaultPath(const PrefectEnvironment &world = PrefectEnvironment::current());

    // The document as a Python dict (tables as dicts, dates as their TOML text). Any failure points
    // at fileName:line:column; nothing is guessed.
    static Result<PythonValue> parseDocument(const QByteArray &text, const QString &fileName);

    // Every secret of [context.secrets] in document order, each decoded with Prefect's rules in
    // `world` (a secret Prefect fails on carries its diagnostic instead of a reading). A document
    // without the table yields no entries. `${a.b}` references see the document's own keys first.
    static Result<QList<PrefectSecretEntry>> readSecrets(const QByteArray &text, const QString &fileName,
                                                         const PrefectEnvironment &world);
    // The same for a file; a missing file is a NotFound diagnostic.
    static Result<QList<PrefectSecretEntry>> readSecretsFile(const QString &path,
                                                             const PrefectEnvironment &world);

    // The secrets table of a parsed document: nullptr-like none when absent (an empty dict is returned),
    // PREFECT043 when `context` or `context.secrets` is not a table.
    static Result<PythonValue> secretsTable(const PythonValue &document, const QString &fileName);
    // The value under `key` in a Python dict, or nullopt.
    static std::optional<PythonValue> member(const PythonValue &dict, const QString &key);
};

} // namespace secretdesk
