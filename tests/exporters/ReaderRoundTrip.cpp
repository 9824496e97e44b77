#include "ReaderRoundTrip.h"

#include "ExportCorpus.h"
#include "core/exporters/Exporter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace secretdesk::test {

namespace {

const QString ExportFile = QStringLiteral("exported");

QString entryName(qsizetype index)
{
    return QStringLiteral("SDX_%1").arg(index);
}

// Runs the reader over one export text; returns the variables or sets `failure`.
Environment evaluate(const ReaderCommand &reader, const QByteArray &text, QString &failure)
{
    if (reader.inProcess)
        return reader.inProcess(text);
    QTemporaryDir dir;  // created 0700
    QTemporaryDir home; // fish writes its own files under $HOME; keep them out of `dir`
    if (!dir.isValid() || !home.isValid()) {
        failure = QStringLiteral("cannot create a temporary directory");
        return {};
    }
    QFile file(dir.filePath(ExportFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        failure = QStringLiteral("cannot write the export file");
        return {};
    }
    file.close();
    QProcess process;
    process.setWorkingDirectory(dir.path());
    QProcessEnvironment environment = reader.environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    process.setProcessEnvironment(environment);
    process.start(reader.program, reader.arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        failure = QStringLiteral("%1 did not finish").arg(reader.label);
        return {};
    }
    const QByteArray output = process.readAllStandardOutput();
    const QStringList created =
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (created != QStringList{ExportFile}) {
        failure = QStringLiteral("%1: code ran, the directory now holds %2")
                      .arg(reader.label, created.join(QStringLiteral(", ")));
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        failure = QStringLiteral("%1 exited with %2: %3")
                      .arg(reader.label)
                      .arg(process.exitCode())
                      .arg(QString::fromUtf8(process.readAllStandardError().left(400)));
        return {};
    }
    return reader.output == ReaderCommand::Output::EnvZero ? ReaderRoundTrip::parseEnvZero(output)
                                                           : ReaderRoundTrip::parseBase64Json(output);
}

} // namespace

QProcessEnvironment ReaderCommand::cleanEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return environment;
}

RoundTripReport ReaderRoundTrip::run(const Exporter &exporter, const QList<QByteArray> &values,
                                     const ReaderCommand &reader)
{
    RoundTripReport report;
    QList<ExportEntry> batch;
    auto flush = [&] {
        if (batch.isEmpty())
            return;
        const Result<QByteArray> text = exporter.render(batch);
        if (!text.ok()) {
            report.failures.append(
                QStringLiteral("render refused a checked batch: %1").arg(text.error().message));
            batch.clear();
            return;
        }
        QString failure;
        const Environment read = evaluate(reader, *text, failure);
        if (!failure.isEmpty())
            report.failures.append(failure);
        for (const ExportEntry &entry : std::as_const(batch)) {
            if (!failure.isEmpty())
                break;
            if (!read.contains(entry.name))
                report.failures.append(
                    QStringLiteral("%1: %2 missing (value %3)")
                        .arg(reader.label, entry.name, ExportCorpus::describe(entry.value)));
            else if (read.value(entry.name) != entry.value)
                report.failures.append(QStringLiteral("%1: %2 differs: wrote %3, read %4")
                                           .arg(reader.label, entry.name, ExportCorpus::describe(entry.value),
                                                ExportCorpus::describe(read.value(entry.name))));
        }
        // A value must never set a variable of its own.
        for (auto it = read.cbegin(); it != read.cend() && failure.isEmpty(); ++it) {
            const bool ours = std::any_of(batch.cbegin(), batch.cend(),
                                          [&](const ExportEntry &entry) { return entry.name == it.key(); });
            if (it.key().startsWith(QLatin1String("SDX_")) && !ours)
                report.failures.append(
                    QStringLiteral("%1: unexpected variable %2").arg(reader.label, it.key()));
        }
        batch.clear();
    };
    for (qsizetype i = 0; i < values.size(); ++i) {
        const ExportEntry entry{entryName(i), values.at(i)};
        if (const Status status = exporter.check(entry); !status.ok()) {
            ++report.refused;
            ++report.refusalCodes[status.error().code];
            continue;
        }
        ++report.accepted;
        batch.append(entry);
        if (batch.size() == BatchSize)
            flush();
    }
    flush();
    return report;
}

Environment ReaderRoundTrip::parseEnvZero(const QByteArray &output)
{
    Environment environment;
    for (const QByteArray &item : output.split('\0')) {
        const qsizetype eq = item.indexOf('=');
        if (eq > 0)
            environment.insert(QString::fromUtf8(item.left(eq)), item.mid(eq + 1));
    }
    return environment;
}

Environment ReaderRoundTrip::parseBase64Json(const QByteArray &output)
{
    Environment environment;
    const QJsonObject object = QJsonDocument::fromJson(output).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            environment.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    }
    return environment;
}

QString ReaderRoundTrip::scriptDir()
{
    return qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/tests/exporters");
}

} // namespace secretdesk::test
