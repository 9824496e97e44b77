// Times what the main window does with a large profile and prints a Markdown table.
//   bench_ui [count] [repetitions]
// Load: SecretTableModel::setRecords() with SecretFilter attached, sorted by name and shown in a
// QTableView (offscreen), as MainWindow::reload() does. Filter: each keystroke of typed queries
// through SecretFilter::setQuery(), the view following. The records are generated from a fixed seed
// (names, kinds, notes, targets; no values: the window never holds any). Medians over repetitions.

#include "ui/SecretFilter.h"
#include "ui/SecretTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace secretdesk;

namespace {

QList<SecretRecord> makeRecords(int count)
{
    static const char *const words[] = {"API",   "TOKEN", "DB",    "PROD",   "STAGING", "GCP",    "AWS",
                                        "SLACK", "HOOK",  "KEY",   "SECRET", "GITHUB",  "DEPLOY", "CI",
                                        "CACHE", "QUEUE", "ADMIN", "READ",   "WRITE",   "BILLING"};
    static const char *const kinds[] = {"",
                                        "GCP_CREDENTIALS",
                                        "AWS_CREDENTIALS",
                                        "GITHUB_ACCESS_TOKEN",
                                        "",
                                        "SLACK_WEBHOOK_URL",
                                        "",
                                        "KUBERNETES_API_KEY",
                                        "",
                                        "AZURE_STORAGE_CONNECTION_STRING"};
    static const char *const notes[] = {
        "", "rotate monthly", "owned by the data team",        "prod deploy key",
        "", "ci only",        "legacy, remove after migration"};
    QRandomGenerator rng(20261129);
    QList<SecretRecord> records;
    records.reserve(count);
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        QString name = QString::fromLatin1(words[rng.bounded(20)]) + QLatin1Char('_') +
                       QString::fromLatin1(words[rng.bounded(20)]) + QLatin1Char('_') + QString::number(i);
        SecretRecord record{*SecretName::parse(name)};
        record.kind = QString::fromLatin1(kinds[rng.bounded(10)]);
        record.note = QString::fromLatin1(notes[rng.bounded(7)]);
        record.target = static_cast<ExportTarget>(rng.bounded(3));
        record.type = record.kind.endsWith(QLatin1String("CREDENTIALS")) ? SecretValue::Type::Json
                                                                         : SecretValue::Type::String;
        record.created = start.addSecs(rng.bounded(30 * 24 * 3600));
        record.updated = record.created.addSecs(rng.bounded(300 * 24 * 3600));
        records.append(record);
    }
    return records;
}

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int repetitions = args.size() > 2 ? args.at(2).toInt() : 15;
    const QList<SecretRecord> records = makeRecords(count);

    SecretTableModel model;
    SecretFilter filter;
    filter.setSecretModel(&model);
    QTableView view;
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.sortByColumn(SecretTableModel::NameColumn, Qt::AscendingOrder);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(900, 600);
    view.show();
    QApplication::processEvents();

    QTextStream out(stdout);
    std::vector<double> load;
    for (int rep = 0; rep < repetitions; ++rep) {
        model.setRecords({});
        QApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        model.setRecords(records);
        load.push_back(elapsedMs(timer));
        QApplication::processEvents();
    }
    // Some rows carry a validation state, as after a session of reveals.
    for (int i = 0; i < count; i += 7)
        model.setValidationState(records.at(i).name.toString(),
                                 i % 2 ? ValidationState::Errors : ValidationState::Valid);

    out << "| Step (" << count << " records, median of " << repetitions
        << ") | median ms | worst keystroke ms | rows left |\n";
    out << "|---|---:|---:|---:|\n";
    out << "| load: setRecords + sort by name + view | " << QString::number(median(load), 'f', 2) << " | | "
        << filter.rowCount() << " |\n";

    const QStringList queries = {QStringLiteral("github"), QStringLiteral("kind:gcp prod"),
                                 QStringLiteral("note:rotate -target:plain"),
                                 QStringLiteral("invalid deploy")};
    for (const QString &query : queries) {
        std::vector<double> perKeystroke;
        std::vector<double> worstPerRep;
        for (int rep = 0; rep < repetitions; ++rep) {
            filter.setQuery(QString());
            QApplication::processEvents();
            double worst = 0;
            for (int typed = 1; typed <= query.size(); ++typed) {
                QElapsedTimer timer;
                timer.start();
                filter.setQuery(query.left(typed));
                const double ms = elapsedMs(timer);
                perKeystroke.push_back(ms);
                worst = std::max(worst, ms);
                QApplication::processEvents();
            }
            worstPerRep.push_back(worst);
        }
        out << "| filter, typing `" << query << "` | " << QString::number(median(perKeystroke), 'f', 2)
            << " | " << QString::number(median(worstPerRep), 'f', 2) << " | " << filter.rowCount() << " |\n";
    }
    return 0;
}
