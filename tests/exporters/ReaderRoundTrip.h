#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace secretdesk {
class Exporter;
}

namespace secretdesk::test {

using Environment = QHash<QString, QByteArray>;

// How to evaluate an export file in one real reader and read the environment back. The reader
// runs in a private 0700 temporary directory that holds only the export file, named "exported";
// any other file appearing there means a value executed code.
struct ReaderCommand {
    enum class Output { EnvZero, Base64Json };

    QString label;
    QString program;
    QStringList arguments;
    Output output = Output::EnvZero;
    QProcessEnvironment environment = cleanEnvironment();
    // When set, the export is parsed in-process instead (readers that cannot be installed here).
    std::function<Environment(const QByteArray &text)> inProcess;

    static QProcessEnvironment cleanEnvironment();
};

struct RoundTripReport {
    int accepted = 0;
    int refused = 0;
    QMap<QString, int> refusalCodes;
    QStringList failures; // empty when every accepted value came back byte for byte
};

class ReaderRoundTrip {
public:
    static constexpr int BatchSize = 200;

    // Exports the values (as SDX_<index>) in batches, evaluates each batch in the reader and
    // compares every accepted value; refused values are counted, never written.
    static RoundTripReport run(const Exporter &exporter, const QList<QByteArray> &values,
                               const ReaderCommand &reader);

    static Environment parseEnvZero(const QByteArray &output);
    static Environment parseBase64Json(const QByteArray &output);
    // The folder of the reader scripts (tests/exporters in the source tree).
    static QString scriptDir();
};

} // namespace secretdesk::test
