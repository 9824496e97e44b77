// Env-style import: which PREFECT__ variables are secrets, nesting, decoding, plain variables, and
// the env-file parser checked against the real python-dotenv on hand-written and random files.
#include "core/prefect/DotenvParser.h"
#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PrefectEnvImport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace secretdesk;

namespace {

PrefectEnvironment world()
{
    return PrefectEnvironment::fromMap({{QStringLiteral("HOME"), QStringLiteral("/home/me")}},
                                       QStringLiteral("/home/me"));
}

QList<EnvAssignment> assignments(const QList<std::pair<QString, QString>> &pairs)
{
    QList<EnvAssignment> out;
    int line = 0;
    for (const auto &[name, value] : pairs)
        out << EnvAssignment{name, value, Location{QStringLiteral(".env"), ++line, 1, {}}};
    return out;
}

QStringList codes(const PrefectSecretEntry &entry)
{
    QStringList out;
    for (const Diagnostic &d : entry.diagnostics)
        out << d.code;
    return out;
}

// A random env file built from the pieces python-dotenv treats specially.
QString randomEnvFile(QRandomGenerator &random)
{
    static const QStringList keys = {QStringLiteral("A"), QStringLiteral("B_1"), QStringLiteral("prefect"),
                                     QStringLiteral("'quoted key'"), QStringLiteral("K.x")};
    static const QStringList pieces = {
        QStringLiteral("a"),  QStringLiteral("Z"),           QStringLiteral(" "),    QStringLiteral("\t"),
        QStringLiteral("#"),  QStringLiteral("'"),           QStringLiteral("\""),   QStringLiteral("\\"),
        QStringLiteral("$"),  QStringLiteral("${A}"),        QStringLiteral("{"),    QStringLiteral("}"),
        QStringLiteral(":-"), QStringLiteral("\n"),          QStringLiteral("\r\n"), QStringLiteral("é"),
        QStringLiteral("😀"),  QStringLiteral("="),           QStringLiteral("\\n"),  QStringLiteral("\\'"),
        QStringLiteral(" #"), QStringLiteral("${B_1:-dflt}")};
    QString text;
    const int lines = 1 + int(random.bounded(8));
    for (int i = 0; i < lines; ++i) {
        switch (random.bounded(10)) {
        case 0:
            text += QStringLiteral("# a comment\n");
            continue;
        case 1:
            text += QStringLiteral("\n");
            continue;
        case 2:
            text += QStringLiteral("export ");
            break;
        default:
            break;
        }
        text += keys.at(int(random.bounded(keys.size())));
        text += QStringList{QStringLiteral("="), QStringLiteral(" = "), QStringLiteral("=  ")}.at(
            int(random.bounded(3)));
        QString value;
        const int length = int(random.bounded(7));
        for (int k = 0; k < length; ++k)
            value += pieces.at(int(random.bounded(pieces.size())));
        const char quote = "'\"x"[random.bounded(3)];
        text += quote == 'x' ? value : QChar::fromLatin1(quote) + value + QChar::fromLatin1(quote);
        text += random.bounded(4) == 0 ? QStringLiteral("  # trailing\n") : QStringLiteral("\n");
    }
    return text;
}

} // namespace

class TestPrefectEnvImport : public QObject {
    Q_OBJECT

private slots:
    void secretPath_data();
    void secretPath();
    void decodesWithPrefectRules();
    void nestedVariablesMergeIntoAnObject();
    void ambiguousAndBrokenNames();
    void encodedValuesImportBackExactly();
    void plainVariables();
    void dotenvLocations();
    void dotenvAgreesWithPythonDotenv();
};

void TestPrefectEnvImport::secretPath_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<bool>("secret");
    QTest::newRow("plain") << QStringLiteral("PREFECT__CONTEXT__SECRETS__MyKey")
                           << QStringList{QStringLiteral("MyKey")} << true;
    QTest::newRow("any case of CONTEXT__SECRETS")
        << QStringLiteral("PREFECT__context__Secrets__tok") << QStringList{QStringLiteral("tok")} << true;
    QTest::newRow("nested") << QStringLiteral("PREFECT__CONTEXT__SECRETS__AWS__ACCESS_KEY")
                            << QStringList{QStringLiteral("AWS"), QStringLiteral("ACCESS_KEY")} << true;
    QTest::newRow("prefix case matters")
        << QStringLiteral("prefect__CONTEXT__SECRETS__X") << QStringList() << false;
    QTest::newRow("other table") << QStringLiteral("PREFECT__CONTEXT__SECRETSX__Y") << QStringList() << false;
    QTest::newRow("not a secret") << QStringLiteral("PREFECT__CLOUD__API") << QStringList() << false;
    QTest::newRow("the table itself") << QStringLiteral("PREFECT__CONTEXT__SECRETS") << QStringList() << true;
    QTest::newRow("unrelated") << QStringLiteral("HOME") << QStringList() << false;
}

void TestPrefectEnvImport::secretPath()
{
    QFETCH(QString, variable);
    QFETCH(QStringList, path);
    QFETCH(bool, secret);
    const auto found = PrefectEnvImport::secretPath(variable);
    QCOMPARE(found.has_value(), secret);
    if (found)
        QCOMPARE(*found, path);
}

void TestPrefectEnvImport::decodesWithPrefectRules()
{
    const auto entries = PrefectEnvImport::contextSecrets(
        assignments({{QStringLiteral("PREFECT__CONTEXT__SECRETS__Num"), QStringLiteral("123")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__Path"), QStringLiteral("~/key.json")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__Json"), QStringLiteral("{\"a\": true}")},
                     {QStringLiteral("PREFECT__CLOUD__API"), QStringLiteral("x")}}),
        world());
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[0].name, QStringLiteral("Num"));
    QCOMPARE(entries[0].reading->context.toPythonRepr(), QStringLiteral("123"));
    QCOMPARE(codes(entries[0]), QStringList{QStringLiteral("PREFECT032")});
    QCOMPARE(entries[0].location.toString(), QStringLiteral(".env:1:1"));
    QCOMPARE(entries[1].value->utf8(), QByteArray("/home/me/key.json"));
    QCOMPARE(entries[2].value->type(), SecretValue::Type::Json);
    QCOMPARE(codes(entries[2]), QStringList{QStringLiteral("PREFECT033")});
}

void TestPrefectEnvImport::nestedVariablesMergeIntoAnObject()
{
    const auto entries = PrefectEnvImport::contextSecrets(
        assignments(
            {{QStringLiteral("PREFECT__CONTEXT__SECRETS__AWS__ACCESS_KEY"),
              QStringLiteral("AKIAEXAMPLEONLY")},
             {QStringLiteral("PREFECT__CONTEXT__SECRETS__AWS__SECRET_ACCESS_KEY"), QStringLiteral("'42'")},
             {QStringLiteral("PREFECT__CONTEXT__SECRETS__AWS__Deep__Inner"), QStringLiteral("x")}}),
        world());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].origin.count(QStringLiteral("PREFECT__")), 3);
    QVERIFY(entries[0].value.has_value());
    // '42' is the str 42 after pass one and the int 42 after the second pass (leaves get both).
    QCOMPARE(entries[0].value->utf8(),
             QByteArray(R"({"ACCESS_KEY":"AKIAEXAMPLEONLY","SECRET_ACCESS_KEY":42,"Deep":{"Inner":"x"}})"));
}

void TestPrefectEnvImport::ambiguousAndBrokenNames()
{
    const auto entries = PrefectEnvImport::contextSecrets(
        assignments({{QStringLiteral("PREFECT__CONTEXT__SECRETS"), QStringLiteral("x")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__A____B"), QStringLiteral("x")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__Dup"), QStringLiteral("first")},
                     {QStringLiteral("PREFECT__context__secrets__Dup"), QStringLiteral("second")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__Both"), QStringLiteral("v")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__Both__K"), QStringLiteral("v")},
                     {QStringLiteral("PREFECT__CONTEXT__SECRETS__keys"), QStringLiteral("v")}}),
        world());
    QCOMPARE(entries.size(), 5);
    QCOMPARE(codes(entries[0]), QStringList{QStringLiteral("PREFECT050")});
    QCOMPARE(codes(entries[1]), QStringList{QStringLiteral("PREFECT051")});
    QCOMPARE(entries[2].name, QStringLiteral("Dup"));
    QCOMPARE(codes(entries[2]), QStringList{QStringLiteral("PREFECT052")});
    QCOMPARE(entries[2].value->utf8(), QByteArray("second"));
    QCOMPARE(codes(entries[3]), QStringList{QStringLiteral("PREFECT053")});
    QVERIFY(!entries[3].importable());
    QCOMPARE(codes(entries[4]), QStringList{QStringLiteral("PREFECT030")}); // shadows Config.keys
}

void TestPrefectEnvImport::encodedValuesImportBackExactly()
{
    QRandomGenerator random(20261129);
    static const QStringList pieces = {
        QStringLiteral("123"),   QStringLiteral("true"),   QStringLiteral("None"), QStringLiteral("~"),
        QStringLiteral("$HOME"), QStringLiteral("${a.b}"), QStringLiteral("'"),    QStringLiteral("\""),
        QStringLiteral("\\"),    QStringLiteral("é"),      QStringLiteral(" "),    QStringLiteral("\n"),
        QStringLiteral("{"),     QStringLiteral("}"),      QStringLiteral("[1]")};
    QList<std::pair<QString, QString>> pairs;
    QList<SecretValue> values;
    for (int i = 0; i < 300; ++i) {
        QString text;
        const int length = int(random.bounded(6));
        for (int k = 0; k < length; ++k)
            text += pieces.at(int(random.bounded(pieces.size())));
        SecretValue value = SecretValue::fromString(text);
        if (i % 5 == 0) {
            const QJsonObject object{{QStringLiteral("k"), text},
                                     {QStringLiteral("n"), QJsonValue::Null},
                                     {QStringLiteral("b"), true}};
            value = SecretValue::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).value();
        }
        auto encoded = PrefectCodec::encodeEnv(value);
        QVERIFY(encoded.ok());
        pairs.append(
            {QStringLiteral("PREFECT__CONTEXT__SECRETS__S%1").arg(i), QString::fromUtf8(encoded.value())});
        values << value;
    }
    const auto entries = PrefectEnvImport::contextSecrets(assignments(pairs), world());
    QCOMPARE(entries.size(), values.size());
    for (int i = 0; i < entries.size(); ++i) {
        QVERIFY2(entries[i].value.has_value(), qPrintable(entries[i].name));
        QVERIFY2(*entries[i].value == values[i], qPrintable(entries[i].name));
    }
}

void TestPrefectEnvImport::plainVariables()
{
    const auto list = assignments({{QStringLiteral("GITHUB_ACCESS_TOKEN"), QStringLiteral("123")},
                                   {QStringLiteral("GITHUB_ACCESS_TOKEN"), QStringLiteral("~/$HOME")}});
    const auto entries = PrefectEnvImport::plainVariables(
        list, {QStringLiteral("GITHUB_ACCESS_TOKEN"), QStringLiteral("MISSING")});
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].value->utf8(), QByteArray("~/$HOME")); // verbatim, the last one set
    QCOMPARE(entries[0].location.line, 2);
    QCOMPARE(codes(entries[1]), QStringList{QStringLiteral("PREFECT054")});
    QCOMPARE(entries[1].diagnostics.front().failure, Failure::NotFound);

    QProcessEnvironment env;
    env.insert(QStringLiteral("PREFECT__CONTEXT__SECRETS__FromEnv"), QStringLiteral("v"));
    const auto fromEnv = PrefectEnvImport::contextSecrets(PrefectEnvImport::fromEnvironment(env), world());
    QCOMPARE(fromEnv.size(), 1);
    QCOMPARE(fromEnv[0].name, QStringLiteral("FromEnv"));
    QCOMPARE(fromEnv[0].location.file, QStringLiteral("environment"));
}

void TestPrefectEnvImport::dotenvLocations()
{
    const auto parsed = DotenvParser::parse(
        "# c\n\nexport  A=1\n  'B c' = \"x\ny\"\nbad line here\nC='z' # n\n", QStringLiteral("f.env"));
    QCOMPARE(parsed.assignments.size(), 3);
    QCOMPARE(parsed.assignments[0].location.toString(), QStringLiteral("f.env:3:9"));
    QCOMPARE(parsed.assignments[1].name, QStringLiteral("B c"));
    QCOMPARE(parsed.assignments[1].value, QStringLiteral("x\ny"));
    QCOMPARE(parsed.assignments[1].location.toString(), QStringLiteral("f.env:4:3"));
    QCOMPARE(parsed.assignments[2].location.toString(), QStringLiteral("f.env:7:1"));
    QCOMPARE(parsed.warnings.size(), 1);
    QCOMPARE(parsed.warnings[0].location.line, 6);
}

void TestPrefectEnvImport::dotenvAgreesWithPythonDotenv()
{
    QStringList files = {
        QStringLiteral("A=plain # comment\nB='single \\' quote'\nC=\"tab\\tnew\\nline\"\n"),
        QStringLiteral("export A = ${B_1:-fallback}x\nB_1=set\nC=${B_1}${NOPE}${A}\n"),
        QStringLiteral("A=\"multi\nline\"\nB='end\\'\nC=1\n"),
        QStringLiteral("A=\r\nB=\"\\\\\" \r\n'C'=#x\nD=a#b\nE=a #b\n"),
        QStringLiteral("NOVALUE\nA='unterminated\nB=2\n"),
    };
    QRandomGenerator random(4242);
    for (int i = 0; i < 3000; ++i)
        files << randomEnvFile(random);
    const QHash<QString, QString> environment{{QStringLiteral("A"), QStringLiteral("from-env")},
                                              {QStringLiteral("B_1"), QStringLiteral("env-b")}};

    QJsonObject env;
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    QJsonArray texts;
    for (const QString &f : files)
        texts << f;
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {qEnvironmentVariable("SECRETDESK_SOURCE_DIR") +
                  QStringLiteral("/tests/prefect/reference/dotenv_reference.py")});
    QVERIFY(python.waitForStarted());
    python.write(
        QJsonDocument(QJsonObject{{QStringLiteral("env"), env}, {QStringLiteral("files"), texts}}).toJson());
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(120000));
    QCOMPARE(python.exitCode(), 0);
    const QJsonArray results = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    QCOMPARE(results.size(), files.size());

    const auto lookup = [&](const QString &name) -> std::optional<QString> {
        if (environment.contains(name))
            return environment.value(name);
        return std::nullopt;
    };
    for (int i = 0; i < files.size(); ++i) {
        for (const bool expand : {false, true}) {
            const auto parsed =
                DotenvParser::parse(files[i].toUtf8(), QStringLiteral("f.env"),
                                    expand ? DotenvParser::Lookup(lookup) : DotenvParser::Lookup());
            // dotenv_values() is a dict: a repeated name keeps its first place and its last value.
            QJsonArray ours;
            QStringList seen;
            for (const EnvAssignment &a : parsed.assignments) {
                const qsizetype at = seen.indexOf(a.name);
                if (at >= 0) {
                    ours[at] = QJsonArray{a.name, a.value};
                } else {
                    seen << a.name;
                    ours << QJsonArray{a.name, a.value};
                }
            }
            const QJsonArray theirs = results[i]
                                          .toObject()
                                          .value(expand ? QStringLiteral("expanded") : QStringLiteral("raw"))
                                          .toArray();
            if (ours != theirs) {
                qWarning().noquote() << "file" << i << (expand ? "expanded" : "raw")
                                     << files[i].toUtf8().toPercentEncoding(" =#'\"") << "\nours  "
                                     << QJsonDocument(ours).toJson(QJsonDocument::Compact) << "\ntheirs"
                                     << QJsonDocument(theirs).toJson(QJsonDocument::Compact);
                QFAIL("python-dotenv reads this file differently");
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestPrefectEnvImport)
#include "tst_prefectenvimport.moc"
