#include "ui/SearchQuery.h"

#include <QTest>

using namespace secretdesk;

Q_DECLARE_METATYPE(secretdesk::ValidationState)
Q_DECLARE_METATYPE(secretdesk::ExportTarget)

// The search box's grammar: how text becomes terms, and which rows the terms let through.
class TestSearchQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void matches_data();
    void matches();
};

namespace {

using Field = SearchQuery::Field;

QString describe(const QList<SearchQuery::Term> &terms)
{
    static const char *const names[] = {"any", "name", "kind", "note", "target", "state"};
    QStringList out;
    for (const SearchQuery::Term &term : terms)
        out.append(QStringLiteral("%1%2=%3").arg(term.negated ? QStringLiteral("-") : QString(),
                                                 QLatin1String(names[static_cast<int>(term.field)]),
                                                 term.text));
    return out.join(QLatin1Char(' '));
}

SecretRecord record(const QString &name, const QString &kind, const QString &note, ExportTarget target)
{
    SecretRecord r{*SecretName::parse(name)};
    r.kind = kind;
    r.note = note;
    r.target = target;
    return r;
}

} // namespace

void TestSearchQuery::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("terms");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces only") << QStringLiteral("   \t ") << QString();
    QTest::newRow("one word") << QStringLiteral("github") << QStringLiteral("any=github");
    QTest::newRow("two words") << QStringLiteral(" aws  key ") << QStringLiteral("any=aws any=key");
    QTest::newRow("kind") << QStringLiteral("kind:gcp") << QStringLiteral("kind=gcp");
    QTest::newRow("prefix case") << QStringLiteral("KIND:Gcp") << QStringLiteral("kind=Gcp");
    QTest::newRow("name") << QStringLiteral("name:TOKEN") << QStringLiteral("name=TOKEN");
    QTest::newRow("note") << QStringLiteral("note:rotate") << QStringLiteral("note=rotate");
    QTest::newRow("quoted note") << QStringLiteral("note:\"rotate monthly\"")
                                 << QStringLiteral("note=rotate monthly");
    QTest::newRow("target plain") << QStringLiteral("target:plain") << QStringLiteral("target=plain");
    QTest::newRow("target upper") << QStringLiteral("target:BOTH") << QStringLiteral("target=both");
    QTest::newRow("unknown target is a word")
        << QStringLiteral("target:cloud") << QStringLiteral("any=target:cloud");
    QTest::newRow("invalid") << QStringLiteral("invalid") << QStringLiteral("state=errors");
    QTest::newRow("Invalid any case") << QStringLiteral("INVALID") << QStringLiteral("state=errors");
    QTest::newRow("is:warnings") << QStringLiteral("is:warnings") << QStringLiteral("state=warnings");
    QTest::newRow("is:invalid") << QStringLiteral("is:invalid") << QStringLiteral("state=errors");
    QTest::newRow("is:unknown is a word") << QStringLiteral("is:great") << QStringLiteral("any=is:great");
    QTest::newRow("negated word") << QStringLiteral("-prod") << QStringLiteral("-any=prod");
    QTest::newRow("negated filter") << QStringLiteral("-kind:gcp") << QStringLiteral("-kind=gcp");
    QTest::newRow("negated invalid") << QStringLiteral("-invalid") << QStringLiteral("-state=errors");
    QTest::newRow("lone dash ignored") << QStringLiteral("- aws") << QStringLiteral("any=aws");
    QTest::newRow("unknown prefix") << QStringLiteral("foo:bar") << QStringLiteral("any=foo:bar");
    QTest::newRow("filter without text") << QStringLiteral("kind:") << QStringLiteral("any=kind:");
    QTest::newRow("leading colon") << QStringLiteral(":x") << QStringLiteral("any=:x");
    QTest::newRow("mixed") << QStringLiteral("aws kind:aws -note:old target:context")
                           << QStringLiteral("any=aws kind=aws -note=old target=context");
    QTest::newRow("unterminated quote") << QStringLiteral("\"two words") << QStringLiteral("any=two words");
}

void TestSearchQuery::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, terms);
    const SearchQuery query = SearchQuery::parse(text);
    QCOMPARE(describe(query.terms()), terms);
    QCOMPARE(query.isEmpty(), terms.isEmpty());
}

void TestSearchQuery::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<ValidationState>("state");
    QTest::addColumn<ExportTarget>("target");
    QTest::addColumn<bool>("expected");
    // The row: GCP_CREDENTIALS, kind GCP_CREDENTIALS, note "Prod deploy key".
    const auto c = ExportTarget::Context;
    const auto unchecked = ValidationState::NotChecked;
    QTest::newRow("empty matches") << QString() << unchecked << c << true;
    QTest::newRow("name part") << QStringLiteral("creden") << unchecked << c << true;
    QTest::newRow("case-insensitive") << QStringLiteral("gcp_CRED") << unchecked << c << true;
    QTest::newRow("note word") << QStringLiteral("deploy") << unchecked << c << true;
    QTest::newRow("no match") << QStringLiteral("github") << unchecked << c << false;
    QTest::newRow("all words must match") << QStringLiteral("gcp github") << unchecked << c << false;
    QTest::newRow("kind") << QStringLiteral("kind:gcp") << unchecked << c << true;
    QTest::newRow("kind other") << QStringLiteral("kind:aws") << unchecked << c << false;
    QTest::newRow("note filter") << QStringLiteral("note:prod") << unchecked << c << true;
    QTest::newRow("note filter not name") << QStringLiteral("note:gcp") << unchecked << c << false;
    QTest::newRow("name filter not note") << QStringLiteral("name:deploy") << unchecked << c << false;
    QTest::newRow("negated word") << QStringLiteral("-deploy") << unchecked << c << false;
    QTest::newRow("negated other word") << QStringLiteral("-github") << unchecked << c << true;
    QTest::newRow("target context") << QStringLiteral("target:context") << unchecked << c << true;
    QTest::newRow("target plain on context") << QStringLiteral("target:plain") << unchecked << c << false;
    QTest::newRow("target plain on both")
        << QStringLiteral("target:plain") << unchecked << ExportTarget::Both << true;
    QTest::newRow("target both on plain")
        << QStringLiteral("target:both") << unchecked << ExportTarget::Plain << false;
    QTest::newRow("invalid on errors") << QStringLiteral("invalid") << ValidationState::Errors << c << true;
    QTest::newRow("invalid on warnings")
        << QStringLiteral("invalid") << ValidationState::Warnings << c << false;
    QTest::newRow("invalid on unchecked") << QStringLiteral("invalid") << unchecked << c << false;
    QTest::newRow("-invalid on valid") << QStringLiteral("-invalid") << ValidationState::Valid << c << true;
    QTest::newRow("is:unchecked") << QStringLiteral("is:unchecked") << unchecked << c << true;
    QTest::newRow("is:valid") << QStringLiteral("is:valid") << ValidationState::Valid << c << true;
    QTest::newRow("combined") << QStringLiteral("kind:gcp -invalid note:prod") << ValidationState::Warnings
                              << c << true;
}

void TestSearchQuery::matches()
{
    QFETCH(QString, query);
    QFETCH(ValidationState, state);
    QFETCH(ExportTarget, target);
    QFETCH(bool, expected);
    const SecretRecord row = record(QStringLiteral("GCP_CREDENTIALS"), QStringLiteral("GCP_CREDENTIALS"),
                                    QStringLiteral("Prod deploy key"), target);
    QCOMPARE(SearchQuery::parse(query).matches(row, state), expected);
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
