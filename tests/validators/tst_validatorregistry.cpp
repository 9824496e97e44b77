// The registry's API as the CLI and GUI use it: names to kinds, the kind list and templates,
// file detection, masking, fixes, and the AWS account decoding.
#include "TestMaterial.h"

#include "core/validators/AwsCredentialsValidator.h"
#include "core/validators/FormatSpec.h"
#include "core/validators/MaskedExcerpt.h"
#include "core/validators/ValidatorRegistry.h"

#include <QDir>
#include <QTest>

using namespace secretdesk;

class TestValidatorRegistry : public QObject {
    Q_OBJECT

private slots:
    void everyFormatFileLoads();
    void brokenFormatFileIsAnError();
    void kindForName_data();
    void kindForName();
    void kindsDescribeThemselves();
    void detectKind_data();
    void detectKind();
    void maskedExcerpt_data();
    void maskedExcerpt();
    void fixApply();
    void awsAccountId();
    void copiesShareValidators();
};

void TestValidatorRegistry::everyFormatFileLoads()
{
    const QDir dir(qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/resources/formats"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 12);
    QCOMPARE(FormatSpec::builtIn().size(), files.size());
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<FormatSpec> spec = FormatSpec::fromJson(file.readAll(), name);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        QVERIFY(!spec->names.isEmpty());
    }
}

void TestValidatorRegistry::brokenFormatFileIsAnError()
{
    const Result<FormatSpec> bad =
        FormatSpec::fromJson("{\"kind\": \"X\", \"codePrefix\": \"X\", \"rules\": "
                             "[{\"code\": \"X010\", \"message\": \"m\", \"match\": \"(\"}]}",
                             QStringLiteral("x.json"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("FMT001"));
    QVERIFY(bad.error().message.contains(QStringLiteral("x.json")));
    QVERIFY(!FormatSpec::fromJson("{", QStringLiteral("y.json")).ok());
    QVERIFY(!FormatSpec::fromJson("{\"kind\": \"X\"}", QStringLiteral("z.json")).ok());
}

void TestValidatorRegistry::kindForName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    const QStringList same = {
        QStringLiteral("GCP_CREDENTIALS"),        QStringLiteral("AWS_CREDENTIALS"),
        QStringLiteral("GITHUB_ACCESS_TOKEN"),    QStringLiteral("GITLAB_ACCESS_TOKEN"),
        QStringLiteral("BITBUCKET_ACCESS_TOKEN"), QStringLiteral("AZ_CREDENTIALS"),
        QStringLiteral("SLACK_WEBHOOK_URL"),      QStringLiteral("EMAIL_USERNAME"),
        QStringLiteral("EMAIL_PASSWORD"),         QStringLiteral("KUBERNETES_API_KEY"),
        QStringLiteral("VAULT_CREDENTIALS"),      QStringLiteral("AZURE_STORAGE_CONNECTION_STRING")};
    for (const QString &name : same)
        QTest::newRow(qPrintable(name)) << name << name;
    QTest::newRow("AZ_CONNECTION_STRING")
        << QStringLiteral("AZ_CONNECTION_STRING") << QStringLiteral("AZURE_STORAGE_CONNECTION_STRING");
    QTest::newRow("lower case is not a default") << QStringLiteral("gcp_credentials") << QString();
    QTest::newRow("other name") << QStringLiteral("MY_TOKEN") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestValidatorRegistry::kindForName()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QCOMPARE(ValidatorRegistry().kindForName(name), kind);
}

void TestValidatorRegistry::kindsDescribeThemselves()
{
    const ValidatorRegistry registry;
    const QList<KindInfo> kinds = registry.kinds();
    QCOMPARE(kinds.size(), 12);
    for (const KindInfo &k : kinds) {
        QVERIFY(!k.displayName.isEmpty() && !k.description.isEmpty());
        QVERIFY(registry.hasKind(k.id));
        for (const QString &name : k.secretNames)
            QCOMPARE(registry.kindForName(name), k.id);
        if (k.valueType == SecretValue::Type::Json) {
            QCOMPARE(k.valueTypeName, QStringLiteral("json"));
            // A template is a JSON object the editor can start from: no syntax or type errors.
            QVERIFY(SecretValue::fromJson(k.templateDocument).ok());
            const QStringList codes = findingCodes(registry.validateText(k.id, k.templateDocument));
            for (const QString &code : codes)
                QVERIFY2(!code.startsWith(QLatin1String("JSON")) && !code.endsWith(QLatin1String("002")) &&
                             !code.endsWith(QLatin1String("003")),
                         qPrintable(k.id + QLatin1Char(' ') + code));
        } else {
            QCOMPARE(k.valueTypeName, QStringLiteral("string"));
        }
    }
}

void TestValidatorRegistry::detectKind_data()
{
    TestMaterial material;
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("kind");
    QTest::newRow("service account")
        << material.expand("{\"type\": \"service_account\", \"private_key\": \"${RSA_PKCS8}\", "
                           "\"client_email\": \"a@b.iam.gserviceaccount.com\"}",
                           true)
        << QStringLiteral("GCP_CREDENTIALS");
    QTest::newRow("authorized user") << QByteArray("{\"type\": \"authorized_user\"}")
                                     << QStringLiteral("GCP_CREDENTIALS");
    QTest::newRow("key without type")
        << QByteArray("{\"private_key\": \"\", \"client_email\": \"\"}") << QStringLiteral("GCP_CREDENTIALS");
    QTest::newRow("aws prefect") << material.expand("{\"ACCESS_KEY\": \"${AWS_KEY:AKIA}\"}", true)
                                 << QStringLiteral("AWS_CREDENTIALS");
    QTest::newRow("aws boto") << QByteArray("{\"aws_access_key_id\": \"x\"}")
                              << QStringLiteral("AWS_CREDENTIALS");
    QTest::newRow("azure principal") << QByteArray("{\"client_id\": \"x\", \"tenant_id\": \"y\"}")
                                     << QStringLiteral("AZ_CREDENTIALS");
    QTest::newRow("vault") << QByteArray("{\"VAULT_ROLE_ID\": \"x\"}") << QStringLiteral("VAULT_CREDENTIALS");
    QTest::newRow("github") << material.expand("${GH:ghp}\n", false) << QStringLiteral("GITHUB_ACCESS_TOKEN");
    QTest::newRow("github fine-grained")
        << material.expand("${GH_PAT}", false) << QStringLiteral("GITHUB_ACCESS_TOKEN");
    QTest::newRow("gitlab") << material.expand("glpat-${ALNUM:20}", false)
                            << QStringLiteral("GITLAB_ACCESS_TOKEN");
    QTest::newRow("slack") << QByteArray("https://hooks.slack.com/services/T0/B0/x")
                           << QStringLiteral("SLACK_WEBHOOK_URL");
    QTest::newRow("azure string") << QByteArray("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b")
                                  << QStringLiteral("AZURE_STORAGE_CONNECTION_STRING");
    QTest::newRow("unknown json") << QByteArray("{\"a\": 1}") << QString();
    QTest::newRow("unknown text") << QByteArray("hello") << QString();
    QTest::newRow("broken json") << QByteArray("{\"type\": ") << QString();
}

void TestValidatorRegistry::detectKind()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, kind);
    QCOMPARE(ValidatorRegistry().detectKind(document), kind);
}

void TestValidatorRegistry::maskedExcerpt_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("excerpt");
    const QString ellipsis(QChar(0x2026));
    QTest::newRow("ghp") << QStringLiteral("ghp_abcdef") << QStringLiteral("ghp_") + ellipsis;
    QTest::newRow("fine-grained wins over nothing")
        << QStringLiteral("github_pat_abc") << QStringLiteral("github_pat_") + ellipsis;
    QTest::newRow("aws") << QStringLiteral("AKIAXXXX") << QStringLiteral("AKIA") + ellipsis;
    QTest::newRow("unknown shows nothing") << QStringLiteral("hunter2") << ellipsis;
    QTest::newRow("bare prefix shows nothing") << QStringLiteral("ghp_") << ellipsis;
    QTest::newRow("empty") << QString() << ellipsis;
}

void TestValidatorRegistry::maskedExcerpt()
{
    QFETCH(QString, value);
    QFETCH(QString, excerpt);
    QCOMPARE(MaskedExcerpt::of(value), excerpt);
    QCOMPARE(MaskedExcerpt::withLength(value),
             QStringLiteral("%1 (%2 characters)").arg(excerpt).arg(value.size()));
}

void TestValidatorRegistry::fixApply()
{
    const Fix fix{QStringLiteral("d"), {TextEdit{0, 1, "X"}, TextEdit{4, 2, QByteArray()}}};
    QCOMPARE(fix.apply("abcdefg"), QByteArray("Xbcdg"));
    const Fix outside{QStringLiteral("d"), {TextEdit{5, 10, "X"}}};
    QCOMPARE(outside.apply("abc"), QByteArray("abc"));
    const Fix overlapping{QStringLiteral("d"), {TextEdit{0, 3, "X"}, TextEdit{2, 2, "Y"}}};
    QCOMPARE(overlapping.apply("abcdef"), QByteArray("abcdef"));
    const Fix advice{QStringLiteral("advice"), {}};
    QVERIFY(!advice.isAutomatic());
}

void TestValidatorRegistry::awsAccountId()
{
    TestMaterial material(3);
    for (quint64 account : {quint64(0), quint64(123456789012), quint64(999999999999), quint64(42)}) {
        const QString id = QString::fromLatin1(material.awsKeyIdForAccount(account));
        QCOMPARE(id.size(), 20);
        QCOMPARE(AwsCredentialsValidator::accountId(id),
                 QStringLiteral("%1").arg(account, 12, 10, QLatin1Char('0')));
    }
    QCOMPARE(AwsCredentialsValidator::accountId(QStringLiteral("AKIAI") + QString(15, QLatin1Char('A'))),
             QString());
    QCOMPARE(AwsCredentialsValidator::accountId(QStringLiteral("AKIA0") + QString(15, QLatin1Char('A'))),
             QString());
    QCOMPARE(AwsCredentialsValidator::accountId(QStringLiteral("AKIA")), QString());
}

void TestValidatorRegistry::copiesShareValidators()
{
    const ValidatorRegistry a;
    const ValidatorRegistry b = a;
    QCOMPARE(findingCodes(b.validateText(QStringLiteral("GITHUB_ACCESS_TOKEN"), QByteArray())),
             QStringList{QStringLiteral("GH004")});
}

QTEST_GUILESS_MAIN(TestValidatorRegistry)
#include "tst_validatorregistry.moc"
