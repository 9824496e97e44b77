#pragma once

#include "core/model/Result.h"
#include "core/model/SecretName.h"
#include "core/model/SecretValue.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace secretdesk {

// One change to [context.secrets]: set a secret (written with PrefectCodec::encodeToml) or remove it.
struct PrefectTomlChange {
    SecretName name;
    std::optional<SecretValue> value; // nullopt removes the secret
};

// Updates only the [context.secrets] table of a Prefect config.toml. Everything else (other tables,
// keys, comments, blank lines, CRLF line ends) stays byte for byte. A secret written as a single
// `NAME = ...` line is replaced in place (its trailing comment kept); one written as a sub-table
// ([context.secrets.NAME]) or as dotted keys is removed and written as one line of the table.
// Before anything is returned, the edited text is parsed again and must equal the old document with
// exactly the requested secrets changed.
// Codes: PREFECT041/042/043 (see ConfigTomlFile) for a file that must be fixed first, PREFECT044
// context.secrets written as an inline value (edit by hand), PREFECT045 the self-check failed,
// PREFECT046 a value the codec refuses, PREFECT047 the file could not be written (nothing changed),
// PREFECT060 the file is larger than ImportFileLimit::MaxBytes (16 MiB; refused unread).
class ConfigTomlEditor {
public:
    static Result<QByteArray> apply(const QByteArray &original, const QList<PrefectTomlChange> &changes,
                                    const QString &fileName);
    // Reads `path` (a missing file counts as empty; missing folders are made, mode 0700), applies the
    // changes, keeps the previous file as `path`.bak (mode 0600) and replaces `path` atomically
    // (QSaveFile, mode 0600). On any failure the file is left as it was.
    static Status applyToFile(const QString &path, const QList<PrefectTomlChange> &changes);
    // A [context.secrets] table holding exactly these secrets, in this order.
    static Result<QByteArray> tableText(const QList<std::pair<SecretName, SecretValue>> &secrets);
};

} // namespace secretdesk
