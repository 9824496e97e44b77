#pragma once

#include "app/cli/CliContext.h"
#include "core/model/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace secretdesk::cli {

// Where a value comes from: standard input, a file, or a no-echo prompt on a terminal. Never argv,
// which every user of the machine can read in `ps`.
class ValueInput {
public:
    void addOptions(QCommandLineParser &parser) const;
    // With --stdin one trailing newline (LF or CRLF) is dropped, as `echo` and here-documents add one;
    // --raw keeps every byte. Files are read as they are.
    Result<QByteArray> read(CliContext &context, const QCommandLineParser &parser, const QString &what) const;

private:
    QCommandLineOption m_stdin{QStringLiteral("stdin"),
                               QStringLiteral("Read the value from standard input.")};
    QCommandLineOption m_raw{QStringLiteral("raw"),
                             QStringLiteral("With --stdin, keep a trailing newline as part of the value.")};
    QCommandLineOption m_file{QStringLiteral("from-file"), QStringLiteral("Read the value from <file>."),
                              QStringLiteral("file")};
};

} // namespace secretdesk::cli
