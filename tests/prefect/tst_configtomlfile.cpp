// Reading [context.secrets] from config.toml with Prefect's rules: values, types, places, notes.
#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/PrefectCodec.h"

#include <QtTest>

using namespace secretdesk;

namespace {

PrefectEnvironment world()
{
    return PrefectEnvironment::fromMap({{QStringLiteral("HOME"), QStringLiteral("/home/me")},
                                        {QStringLiteral("REGION"), QStringLiteral("eu")}},
                                       QStringLiteral("/home/me"));
}

QStringList codes(const PrefectSecretEntry &entry)
{
    QStringList out;
    for (const Diagnostic &d : entry.diagnostics)
        out << d.code;
    return out;
}

} // namespace

class TestConfigTomlFile : public QObject {
    Q_OBJECT

private slots:
    void secrets_data();
    void secrets();
    void orderAndPlaces();
    void badFileNamesItsLine();
    void missingFile();
    void defaultPath_data();
    void defaultPath();
};

void TestConfigTomlFile::secrets_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::addColumn<QString>("contextRepr"); // what prefect.context.secrets["X"] holds
    QTest::addColumn<QString>("type");        // the imported value's type, "" when nothing is imported
    QTest::addColumn<QByteArray>("stored");   // the imported value's bytes
    QTest::addColumn<QString>("code");        // the one diagnostic expected, if any

    const QByteArray h = "[context.secrets]\n";
    QTest::newRow("plain") << h + "X = \"plain-token\"" << QStringLiteral("'plain-token'")
                           << QStringLiteral("string") << QByteArray("plain-token") << QString();
    QTest::newRow("digits become int")
        << h + "X = \"1234\"" << QStringLiteral("1234") << QStringLiteral("string") << QByteArray("1234")
        << QStringLiteral("PREFECT032");
    QTest::newRow("toml int stays int") << h + "X = 5" << QStringLiteral("5") << QStringLiteral("string")
                                        << QByteArray("5") << QStringLiteral("PREFECT032");
    QTest::newRow("home expanded") << h + "X = \"~/key.json\"" << QStringLiteral("'/home/me/key.json'")
                                   << QStringLiteral("string") << QByteArray("/home/me/key.json")
                                   << QString();
    QTest::newRow("variable expanded") << h + "X = \"pa$REGION\"" << QStringLiteral("'paeu'")
                                       << QStringLiteral("string") << QByteArray("paeu") << QString();
    QTest::newRow("reference to own key")
        << "[cloud]\napi = \"https://h\"\n" + h + "X = \"${cloud.api}/x\"" << QStringLiteral("'https://h/x'")
        << QStringLiteral("string") << QByteArray("https://h/x") << QString();
    QTest::newRow("quotes eaten") << h + "X = '\"quoted\"'" << QStringLiteral("'quoted'")
                                  << QStringLiteral("string") << QByteArray("quoted") << QString();
    QTest::newRow("sub-table is an object")
        << h + "[context.secrets.X]\nACCESS_KEY = \"a\"\nSECRET_ACCESS_KEY = \"b\""
        << QStringLiteral("{'ACCESS_KEY': 'a', 'SECRET_ACCESS_KEY': 'b'}") << QStringLiteral("json")
        << QByteArray(R"({"ACCESS_KEY":"a","SECRET_ACCESS_KEY":"b"})") << QString();
    QTest::newRow("dotted keys are an object")
        << h + "X.A = \"t\"" << QStringLiteral("{'A': 't'}") << QStringLiteral("json")
        << QByteArray(R"({"A":"t"})") << QString();
    QTest::newRow("JSON text: dict for get(), str for direct readers")
        << h + "X = '{\"a\": true}'" << QStringLiteral("'{\"a\": true}'") << QStringLiteral("json")
        << QByteArray(R"({"a":true})") << QStringLiteral("PREFECT033");
    QTest::newRow("empty table vanishes")
        << h + "X = {}" << QString() << QString() << QByteArray() << QStringLiteral("PREFECT022");
    QTest::newRow("reserved key inside") << h + "X = { items = \"a\" }" << QStringLiteral("{'items': 'a'}")
                                         << QString() << QByteArray() << QStringLiteral("PREFECT031");
    QTest::newRow("name Secretdesk cannot store")
        << h + "\"my key\" = \"v\"" << QString() << QString() << QByteArray() << QStringLiteral("PREFECT030");
}

void TestConfigTomlFile::secrets()
{
    QFETCH(QByteArray, toml);
    QFETCH(QString, contextRepr);
    QFETCH(QString, type);
    QFETCH(QByteArray, stored);
    QFETCH(QString, code);
    auto entries = ConfigTomlFile::readSecrets(toml, QStringLiteral("config.toml"), world());
    QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().toString()));
    QCOMPARE(entries->size(), 1);
    const PrefectSecretEntry &entry = entries->front();
    QCOMPARE(codes(entry), code.isEmpty() ? QStringList() : QStringList{code});
    if (!contextRepr.isEmpty()) {
        QVERIFY(entry.reading.has_value());
        QCOMPARE(entry.reading->context.toPythonRepr(), contextRepr);
    }
    QCOMPARE(entry.importable(), !type.isEmpty());
    if (entry.importable()) {
        QCOMPARE(SecretValue::typeName(entry.value->type()), type);
        QCOMPARE(entry.value->utf8(), stored);
    }
}

void TestConfigTomlFile::orderAndPlaces()
{
    const QByteArray toml =
        "[context.secrets]\nZED = \"1x\"\n  ALPHA = \"2x\"\n[context.secrets.MID]\nK = \"v\"\n";
    auto entries = ConfigTomlFile::readSecrets(toml, QStringLiteral("c.toml"), world());
    QVERIFY(entries.ok());
    QStringList names;
    QStringList places;
    for (const auto &e : entries.value()) {
        names << e.name;
        places << e.location.toString();
    }
    QCOMPARE(names, (QStringList{QStringLiteral("ZED"), QStringLiteral("ALPHA"), QStringLiteral("MID")}));
    QCOMPARE(places, (QStringList{QStringLiteral("c.toml:2:1"), QStringLiteral("c.toml:3:3"),
                                  QStringLiteral("c.toml:4:1")}));
}

void TestConfigTomlFile::badFileNamesItsLine()
{
    auto entries = ConfigTomlFile::readSecrets("[context.secrets]\nA = \"ok\"\nB = \"C:\\temp\\x\"\n",
                                               QStringLiteral("/x/config.toml"), world());
    QVERIFY(!entries.ok());
    QCOMPARE(entries.error().code, QStringLiteral("PREFECT041"));
    QCOMPARE(entries.error().location.file, QStringLiteral("/x/config.toml"));
    QCOMPARE(entries.error().location.line, 3);
    QVERIFY(entries.error().location.column > 0);
}

void TestConfigTomlFile::missingFile()
{
    auto entries =
        ConfigTomlFile::readSecretsFile(QStringLiteral("/nonexistent/secretdesk/config.toml"), world());
    QVERIFY(!entries.ok());
    QCOMPARE(entries.error().failure, Failure::NotFound);
}

void TestConfigTomlFile::defaultPath_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QString() << QStringLiteral("/home/me/.prefect/config.toml");
    QTest::newRow("absolute") << QStringLiteral("/etc/prefect.toml") << QStringLiteral("/etc/prefect.toml");
    QTest::newRow("tilde") << QStringLiteral("~/other.toml") << QStringLiteral("/home/me/other.toml");
    QTest::newRow("variable") << QStringLiteral("$HOME/$REGION.toml") << QStringLiteral("/home/me/eu.toml");
}

void TestConfigTomlFile::defaultPath()
{
    QFETCH(QString, configured);
    QFETCH(QString, expected);
    QHash<QString, QString> variables{{QStringLiteral("HOME"), QStringLiteral("/home/me")},
                                      {QStringLiteral("REGION"), QStringLiteral("eu")}};
    if (!configured.isEmpty())
        variables.insert(QStringLiteral("PREFECT__USER_CONFIG_PATH"), configured);
    QCOMPARE(ConfigTomlFile::defaultPath(PrefectEnvironment::fromMap(variables, QStringLiteral("/home/me"))),
             expected);
}

QTEST_GUILESS_MAIN(TestConfigTomlFile)
#include "tst_configtomlfile.moc"
