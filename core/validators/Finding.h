#pragma once

#include "core/model/Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace secretdesk {

// One replacement in a document: `length` bytes at byte `offset` of the UTF-8 text become
// `replacement`. Validators only emit edits whose replacement holds no secret material
// (deletions, escapes, key names), so a fix can be shown, logged and applied safely.
struct TextEdit {
    qsizetype offset = 0;
    qsizetype length = 0;
    QByteArray replacement;

    friend bool operator==(const TextEdit &, const TextEdit &) = default;
};

// A remedy the GUI can apply with one click: a description and the edits that perform it.
// A fix without edits is advice only.
struct Fix {
    QString description;
    QList<TextEdit> edits;

    bool isEmpty() const { return description.isEmpty() && edits.isEmpty(); }
    bool isAutomatic() const { return !edits.isEmpty(); }
    // The document with every edit applied (edits must not overlap; order does not matter).
    // Returns the document unchanged when an edit falls outside it.
    QByteArray apply(const QByteArray &document) const;
};

// A validation finding: the shared Diagnostic (severity, code, message, location; its `fix`
// holds the fix's description) plus the machine-applicable fix.
struct Finding {
    Diagnostic diagnostic;
    Fix fix;

    Severity severity() const { return diagnostic.severity; }
    const QString &code() const { return diagnostic.code; }
    QString toString() const { return diagnostic.toString(); }
};

using Findings = QList<Finding>;

// True when any finding is an error (the value would not work for Prefect).
bool hasErrors(const Findings &findings);
// The findings' codes in order, handy for tests and the CLI's summary line.
QStringList findingCodes(const Findings &findings);
// "error", "warning" or "hint".
QString severityName(Severity severity);

} // namespace secretdesk
