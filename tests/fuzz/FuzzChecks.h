#pragma once

#include "core/model/Diagnostic.h"
#include "core/prefect/PrefectSecretEntry.h"

#include <QByteArray>
#include <QString>

namespace secretdesk {

// Properties every diagnostic a parser returns must have, shared by the fuzz entries.
class FuzzChecks {
public:
    // A code, a one-line message, and (when `needsLine`) a 1-based line inside `text`.
    static QString diagnostic(const Diagnostic &d, const QByteArray &text, bool needsLine);
    // Every secret read from `text` that cannot be imported says why, with diagnostics as above.
    static QString entries(const QList<PrefectSecretEntry> &entries, const QByteArray &text);
    // Whether `message` holds a run of 12 or more characters of `text`: parsers of values never quote
    // the input, which may be a secret.
    static bool quotesInput(const QString &message, const QByteArray &text);
    // The number of lines of `text` as editors count them ("\n", "\r\n" and a lone "\r" end a line).
    static int lineCount(const QByteArray &text);
};

} // namespace secretdesk
