#pragma once

#include "core/model/Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace secretdesk {

// One `NAME=value` of an environment or an env file, with where it was set.
struct EnvAssignment {
    QString name;
    QString value;
    Location location; // file:line:column of the name; file "environment" for the process environment
};

// Env files read as python-dotenv 0.21 reads them from a file (universal newlines) (Prefect users load .env
// files with it): optional `export `, unquoted or '…'-quoted names, '…' values (only \\ and \' unescaped),
// "…" values (\\ \' \" \a \b \f \n \r \t \v unescaped), both may span lines; bare values end at the line,
// lose a ` #comment` and trailing blanks. A line without `=` sets nothing. Statements python-dotenv cannot
// parse are skipped with a warning (DOTENV001) naming their line, as python-dotenv does. A text over
// ImportFileLimit::MaxBytes sets nothing and carries one error, PREFECT060 (read files with
// ImportFileLimit::readAll to refuse them before they are in memory).
class DotenvParser {
public:
    using Lookup = std::function<std::optional<QString>(const QString &name)>;
    struct Parsed {
        QList<EnvAssignment> assignments;
        QList<Diagnostic> warnings;
    };
    // With `environment`, `${NAME}` and `${NAME:-default}` are expanded as dotenv_values() does: names
    // set earlier in the file first, then the environment, else the default or "". Without, values
    // are kept as written.
    static Parsed parse(const QByteArray &text, const QString &fileName, const Lookup &environment = {});
    // python-dotenv's `${NAME}` / `${NAME:-default}` expansion of one value.
    static QString expand(const QString &value, const Lookup &lookup);
};

} // namespace secretdesk
