#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace secretdesk::test {

// The values the round-trip tests push through every reader, built at test time: combinations of
// the adversarial atoms in tests/data/exporters/adversarial-atoms.json (quotes of every kind, shell
// and dotenv metacharacters, line breaks, code-execution canaries that would create a pwned_* file
// in the reader's working directory), a generated PEM-shaped block, a 64 KiB value, the empty string,
// and seeded random strings.
class ExportCorpus {
public:
    // At least 500 values; fails (returns empty) when the atom file cannot be read.
    static QList<QByteArray> adversarial();
    static QList<QByteArray> seededRandom(int count, quint32 seed);
    // What every reader test runs: adversarial() and 2,000 random values from one fixed seed.
    static QList<QByteArray> standard();
    // A "-----BEGIN ...-----" block of about `bytes` bytes of random base64 in 64-column lines.
    static QByteArray pemShaped(qsizetype bytes, quint32 seed);
    // Names that are not portable variable names; every target must refuse them.
    static QStringList invalidNames();
    // An escaped, printable form of a value for failure messages (test data only).
    static QString describe(const QByteArray &value);
};

} // namespace secretdesk::test
