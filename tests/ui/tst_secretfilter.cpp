#include "ui/SecretFilter.h"
#include "ui/SecretTableModel.h"

#include <QTest>

using namespace secretdesk;

// The table's proxy: the query filters rows as the model changes, and columns sort by their meaning.
class TestSecretFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void filters_data();
    void filters();
    void learntStateReFilters();
    void clearingStatesForgetsThem();
    void sortsByColumn_data();
    void sortsByColumn();
    void validationCellHasIconAndText();

private:
    QStringList visibleNames() const;

    SecretTableModel m_model;
    SecretFilter m_filter;
};

namespace {

SecretRecord record(const QString &name, const QString &kind, const QString &note, ExportTarget target,
                    int day)
{
    SecretRecord r{*SecretName::parse(name)};
    r.kind = kind;
    r.note = note;
    r.target = target;
    r.updated = QDateTime(QDate(2026, 1, day), QTime(12, 0), Qt::UTC);
    return r;
}

} // namespace

void TestSecretFilter::init()
{
    m_model.setRecords({
        record(QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("GCP_CREDENTIALS"),
               QStringLiteral("prod deploy"), ExportTarget::Context, 3),
        record(QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("AWS_CREDENTIALS"), QString(),
               ExportTarget::Both, 1),
        record(QStringLiteral("GITHUB_ACCESS_TOKEN"), QStringLiteral("GITHUB_ACCESS_TOKEN"),
               QStringLiteral("ci only"), ExportTarget::Plain, 2),
        record(QStringLiteral("database_url"), QString(), QStringLiteral("staging DB"), ExportTarget::Context,
               4),
    });
    m_model.clearValidationStates();
    m_filter.setSecretModel(&m_model);
    m_filter.setQuery(QString());
    m_filter.sort(SecretTableModel::NameColumn, Qt::AscendingOrder);
}

QStringList TestSecretFilter::visibleNames() const
{
    QStringList names;
    for (int row = 0; row < m_filter.rowCount(); ++row)
        names.append(m_filter.index(row, 0).data().toString());
    return names;
}

void TestSecretFilter::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    const QString aws = QStringLiteral("AWS_CREDENTIALS");
    const QString db = QStringLiteral("database_url");
    const QString gcp = QStringLiteral("GCP_CREDENTIALS");
    const QString gh = QStringLiteral("GITHUB_ACCESS_TOKEN");
    QTest::newRow("everything") << QString() << QStringList{aws, db, gcp, gh};
    QTest::newRow("word in names") << QStringLiteral("credentials") << QStringList{aws, gcp};
    QTest::newRow("word in a note") << QStringLiteral("STAGING") << QStringList{db};
    QTest::newRow("kind") << QStringLiteral("kind:git") << QStringList{gh};
    QTest::newRow("negation") << QStringLiteral("-credentials") << QStringList{db, gh};
    QTest::newRow("target plain") << QStringLiteral("target:plain") << QStringList{aws, gh};
    QTest::newRow("note") << QStringLiteral("note:ci") << QStringList{gh};
    QTest::newRow("nothing") << QStringLiteral("azure") << QStringList{};
    QTest::newRow("unchecked") << QStringLiteral("is:unchecked") << QStringList{aws, db, gcp, gh};
    QTest::newRow("invalid before any read") << QStringLiteral("invalid") << QStringList{};
}

void TestSecretFilter::filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    m_filter.setQuery(query);
    QCOMPARE(visibleNames(), names);
}

void TestSecretFilter::learntStateReFilters()
{
    m_filter.setQuery(QStringLiteral("invalid"));
    QCOMPARE(visibleNames(), QStringList());
    m_model.setValidationState(QStringLiteral("GITHUB_ACCESS_TOKEN"), ValidationState::Errors);
    QCOMPARE(visibleNames(), QStringList{QStringLiteral("GITHUB_ACCESS_TOKEN")});
    m_model.setValidationState(QStringLiteral("GITHUB_ACCESS_TOKEN"), ValidationState::Valid);
    QCOMPARE(visibleNames(), QStringList());
}

void TestSecretFilter::clearingStatesForgetsThem()
{
    m_model.setValidationState(QStringLiteral("AWS_CREDENTIALS"), ValidationState::Warnings);
    m_filter.setQuery(QStringLiteral("is:warnings"));
    QCOMPARE(visibleNames(), QStringList{QStringLiteral("AWS_CREDENTIALS")});
    m_model.clearValidationStates();
    QCOMPARE(visibleNames(), QStringList());
    QCOMPARE(m_model.validationState(QStringLiteral("AWS_CREDENTIALS")), ValidationState::NotChecked);
}

void TestSecretFilter::sortsByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("name, case-insensitive")
        << int(SecretTableModel::NameColumn)
        << QStringList{QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("database_url"),
                       QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("GITHUB_ACCESS_TOKEN")};
    QTest::newRow("updated, by time")
        << int(SecretTableModel::UpdatedColumn)
        << QStringList{QStringLiteral("AWS_CREDENTIALS"), QStringLiteral("GITHUB_ACCESS_TOKEN"),
                       QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("database_url")};
    QTest::newRow("kind, empty first")
        << int(SecretTableModel::KindColumn)
        << QStringList{QStringLiteral("database_url"), QStringLiteral("AWS_CREDENTIALS"),
                       QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("GITHUB_ACCESS_TOKEN")};
}

void TestSecretFilter::sortsByColumn()
{
    QFETCH(int, column);
    QFETCH(QStringList, names);
    m_filter.sort(column, Qt::AscendingOrder);
    QCOMPARE(visibleNames(), names);
}

void TestSecretFilter::validationCellHasIconAndText()
{
    const int row = m_model.rowOf(QStringLiteral("GCP_CREDENTIALS"));
    const QModelIndex cell = m_model.index(row, SecretTableModel::ValidationColumn);
    QCOMPARE(cell.data(Qt::AccessibleTextRole).toString(), QStringLiteral("not checked"));
    m_model.setValidationState(QStringLiteral("GCP_CREDENTIALS"), ValidationState::Errors);
    QCOMPARE(cell.data(Qt::AccessibleTextRole).toString(), QStringLiteral("errors"));
    QCOMPARE(cell.data(Qt::DisplayRole).toString(), QStringLiteral("errors"));
    QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
    for (const char *state : {"valid", "warnings", "errors", "unchecked"})
        QVERIFY2(QFile::exists(QStringLiteral(":/icons/validation-%1.svg").arg(QLatin1String(state))), state);
    QCOMPARE(m_model.headerData(SecretTableModel::ValidationColumn, Qt::Horizontal).toString(),
             QStringLiteral("Validation"));
}

QTEST_MAIN(TestSecretFilter)
#include "tst_secretfilter.moc"
