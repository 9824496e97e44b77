#pragma once

#include "app/cli/CliContext.h"

#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

namespace secretdesk::cli {

// Starts a program directly (no shell) with the given environment, passes standard input through,
// forwards termination signals to it, and returns its exit status the way shells report it:
// the exit code, 128 + N when signal N ended it, 127 when it could not be found, 126 when it could
// not be started. With masking, its output goes through an OutputMasker on the way to our streams.
struct ChildRun {
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    bool mask = false;
    QList<QByteArray> maskedValues;

    int exec(CliContext &context) const;
};

} // namespace secretdesk::cli
