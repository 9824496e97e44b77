// ExportPlan turns secrets into entries: plain (NAME, the value's bytes) or context
// (PREFECT__CONTEXT__SECRETS__NAME, Prefect's env encoding). The context style is checked end to
// end: the export is evaluated by bash and python-dotenv, and the variable read back is decoded the
// way Prefect 1.x loads it; Secret.get() must return the stored value.
#include "ExportCorpus.h"
#include "ReaderRoundTrip.h"
#include "core/exporters/ExportPlan.h"
#include "core/exporters/ExporterRegistry.h"
#include "core/prefect/PrefectCodec.h"

#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

namespace {

SecretName nameOf(const QString &text)
{
    return SecretName::parse(text).value();
}

} // namespace

class TestExportPlan : public QObject {
    Q_OBJECT

private slots:
    void styleNames();
    void plainStyle();
    void contextStyle();
    void contextRoundTrip_data();
    void contextRoundTrip();
};

void TestExportPlan::styleNames()
{
    QCOMPARE(*ExportPlan::styleFromName(QStringLiteral("context")), ExportStyle::Context);
    QCOMPARE(*ExportPlan::styleFromName(QStringLiteral("plain")), ExportStyle::Plain);
    const Result<ExportStyle> unknown = ExportPlan::styleFromName(QStringLiteral("Context"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("EXPORT_STYLE_UNKNOWN"));
    QCOMPARE(ExportPlan::styleName(ExportStyle::Context), QStringLiteral("context"));
    QCOMPARE(ExportPlan::styleName(ExportStyle::Plain), QStringLiteral("plain"));
}

void TestExportPlan::plainStyle()
{
    ExportPlan plan(ExportStyle::Plain);
    QVERIFY(
        plan.add(nameOf(QStringLiteral("TOKEN")), SecretValue::fromString(QStringLiteral("a'b\n$c"))).ok());
    const Result<SecretValue> json = SecretValue::fromJson("{ \"key\" : \"v\",\n \"n\": 1 }");
    QVERIFY(json.ok());
    QVERIFY(plan.add(nameOf(QStringLiteral("AWS")), *json).ok());
    QCOMPARE(plan.entries().size(), 2);
    QCOMPARE(plan.entries().at(0).name, QStringLiteral("TOKEN"));
    QCOMPARE(plan.entries().at(0).value, QByteArray("a'b\n$c"));
    QCOMPARE(plan.entries().at(1).name, QStringLiteral("AWS"));
    QCOMPARE(plan.entries().at(1).value, json->utf8()); // the compact JSON text
}

void TestExportPlan::contextStyle()
{
    const SecretValue value = SecretValue::fromString(QStringLiteral("p@ss ${HOME}"));
    const Result<ExportEntry> entry =
        ExportPlan::entryFor(nameOf(QStringLiteral("DB")), value, ExportStyle::Context);
    QVERIFY(entry.ok());
    QCOMPARE(entry->name, QStringLiteral("PREFECT__CONTEXT__SECRETS__DB"));
    QCOMPARE(entry->value, *PrefectCodec::encodeEnv(value));
    // A config-file target keeps the bare name and takes the TOML encoding.
    const Result<ExportEntry> toml =
        ExportPlan::entryFor(nameOf(QStringLiteral("DB")), value, ExportStyle::Context,
                             ContextForm{false, ContextForm::Codec::Toml});
    QVERIFY(toml.ok());
    QCOMPARE(toml->name, QStringLiteral("DB"));
    QCOMPARE(toml->value, *PrefectCodec::encodeToml(value));
}

void TestExportPlan::contextRoundTrip_data()
{
    const QString script = ReaderRoundTrip::scriptDir();
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("json");
    QTest::newRow("posix in bash") << QStringLiteral("posix") << QStringLiteral("bash")
                                   << QStringList{QStringLiteral("--norc"), QStringLiteral("-c"),
                                                  QStringLiteral(". ./exported && exec env -0")}
                                   << false;
    QTest::newRow("fish in fish") << QStringLiteral("fish") << QStringLiteral("fish")
                                  << QStringList{QStringLiteral("--no-config"), QStringLiteral("-c"),
                                                 QStringLiteral("source exported; and exec env -0")}
                                  << false;
    QTest::newRow("dotenv in python-dotenv")
        << QStringLiteral("dotenv") << QStringLiteral("/usr/bin/python3")
        << QStringList{script + QStringLiteral("/python_env_reader.py"), QStringLiteral("exported")} << true;
    QTest::newRow("dotenv in node --env-file")
        << QStringLiteral("dotenv") << QStringLiteral("node")
        << QStringList{QStringLiteral("--env-file=exported"), script + QStringLiteral("/node_env_reader.js"),
                       QStringLiteral("node"), QStringLiteral("SDX_")}
        << true;
}

void TestExportPlan::contextRoundTrip()
{
    QFETCH(QString, target);
    QList<SecretValue> secrets;
    for (const QByteArray &bytes : ExportCorpus::standard()) {
        if (Result<SecretValue> value = SecretValue::fromUtf8(bytes); value.ok() && !bytes.contains('\0'))
            secrets.append(*value);
    }
    for (const char *json : {"{\"aws_access_key_id\": \"AKIA-TEST\", \"secret\": \"a'b\\\"c${X}\"}",
                             "{\"nested\": {\"list\": [1, 2.5, true, null, \"\\u00e9\"]}}", "{}"}) {
        const Result<SecretValue> value = SecretValue::fromJson(json);
        QVERIFY(value.ok());
        secrets.append(*value);
    }
    QVERIFY(secrets.size() > 2500);

    // Entries named S<index> so the variables read back map to their secrets.
    QList<QByteArray> encoded;
    int codecRefused = 0;
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        const Result<ExportEntry> entry =
            ExportPlan::entryFor(nameOf(QStringLiteral("S%1").arg(i)), secrets.at(i), ExportStyle::Context);
        if (!entry.ok()) {
            ++codecRefused;
            encoded.append(QByteArray(1, '\0')); // keeps indexes aligned; every exporter refuses a NUL
            continue;
        }
        QCOMPARE(entry->name, QStringLiteral("PREFECT__CONTEXT__SECRETS__S%1").arg(i));
        encoded.append(entry->value);
    }

    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(bool, json);
    ReaderCommand reader;
    reader.label = QString::fromLatin1(QTest::currentDataTag());
    reader.program = program;
    reader.arguments = arguments;
    reader.output = json ? ReaderCommand::Output::Base64Json : ReaderCommand::Output::EnvZero;
    const ExporterRegistry registry = ExporterRegistry::withBuiltins();
    const Exporter *exporter = registry.find(target);
    QVERIFY(exporter);
    // The harness names variables SDX_<index>; it checks the bytes, this test checks Prefect's reading.
    const RoundTripReport report = ReaderRoundTrip::run(*exporter, encoded, reader);
    QStringList codes;
    for (auto it = report.refusalCodes.cbegin(); it != report.refusalCodes.cend(); ++it)
        codes.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    qInfo("%s: %d context values carried, %d refused (codec refused %d; %s)", QTest::currentDataTag(),
          report.accepted, report.refused, codecRefused, qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY2(report.failures.isEmpty(), qPrintable(report.failures.mid(0, 5).join(QLatin1Char('\n'))));
    // The env encoding is ASCII with backslash escapes: posix carries all of it, dotenv most.
    QVERIFY(report.accepted > (target == QLatin1String("dotenv") ? 1800 : 2700));

    // What Prefect makes of each carried text, in a world where every variable exists.
    const PrefectEnvironment world = PrefectEnvironment::everythingDefined();
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        if (encoded.at(i).contains('\0') || !exporter->check({QStringLiteral("V"), encoded.at(i)}).ok())
            continue;
        const Result<PrefectReading> reading = PrefectCodec::decodeEnv(encoded.at(i), world);
        if (!reading.ok() || !(reading->secretGet == PrefectCodec::secretGetTarget(secrets.at(i))))
            QFAIL(qPrintable(QStringLiteral("secret %1 does not come back from Prefect").arg(i)));
    }
}

QTEST_GUILESS_MAIN(TestExportPlan)
#include "tst_ExportPlan.moc"
