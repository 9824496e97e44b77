#pragma once

#include <QString>

namespace secretdesk {

// What kind of failure a diagnostic reports. Faces map it to exit codes and messages;
// nothing else about a failure should need string matching.
enum class Failure {
    None,
    InvalidInput,        // the user's input or a file is malformed (exit 1)
    NotFound,            // the named secret or file does not exist (exit 2)
    KeychainUnavailable, // no Secret Service, locked collection, timeout (exit 3)
    Remote,              // network or server failure (exit 4)
    Unauthorized,        // the remote rejected the credentials (exit 5)
    Conflict,            // the operation would overwrite something the user must decide about (exit 1)
    Io,                  // a local file could not be read or written (exit 1)
};

enum class Severity { Error, Warning, Hint };

// Where a diagnostic points: any of a file, a 1-based line and column, and a JSON pointer.
struct Location {
    QString file;
    int line = 0;
    int column = 0;
    QString pointer;

    bool isEmpty() const { return file.isEmpty() && line == 0 && pointer.isEmpty(); }
    // "file:line:column" or "/pointer", whichever parts are known.
    QString toString() const;
};

// One finding: an error that stopped an operation, or a validation warning or hint.
// Messages name the problem and its place, never a secret value.
struct Diagnostic {
    Severity severity = Severity::Error;
    Failure failure = Failure::InvalidInput;
    QString code;    // stable identifier, e.g. "NAME002" or "GCP003"
    QString message; // one line, no value in it
    Location location;
    QString fix; // a suggested remedy, when one is known

    static Diagnostic error(Failure failure, QString code, QString message, Location location = {});
    // "file:3:7: message (CODE)"
    QString toString() const;
};

} // namespace secretdesk
