#include "core/cloud/CloudBackend.h"
#include "core/cloud/SyncPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace secretdesk;

// The pure parts of cloud sync: URL rules, name mapping, value encoding and the diff.
class TestCloudModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void urlRules_data();
    void urlRules();
    void workspaceFromCloudUrl();
    void linkRoundTripsThroughJson();
    void remoteNames_data();
    void remoteNames();
    void reverseNames_data();
    void reverseNames();
    void rememberedRemoteNameWins();
    void valuesTravelAsTheirJsonType();
    void unsupportedRemoteTypesAreErrors_data();
    void unsupportedRemoteTypesAreErrors();
    void compareClassifiesEveryName();
};

namespace {
SecretRecord record(const QString &name, const QString &remoteName = {})
{
    SecretRecord r{*SecretName::parse(name)};
    r.remoteName = remoteName;
    return r;
}
} // namespace

void TestCloudModel::urlRules_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("cloud") << "https://api.prefect.cloud/api/accounts/a1/workspaces/b2/" << true
                           << "https://api.prefect.cloud/api/accounts/a1/workspaces/b2";
    QTest::newRow("local server") << "http://127.0.0.1:4200/api" << true << "http://127.0.0.1:4200/api";
    QTest::newRow("localhost") << "http://localhost:4200/api" << true << "http://localhost:4200/api";
    QTest::newRow("ipv6 loopback") << "http://[::1]:4200/api" << true << "http://[::1]:4200/api";
    QTest::newRow("loopback /8") << "http://127.0.0.2:4200/api" << true << "http://127.0.0.2:4200/api";
    QTest::newRow("plain http remote") << "http://prefect.example.com/api" << false << "";
    QTest::newRow("plain http lan") << "http://192.168.1.5:4200/api" << false << "";
    QTest::newRow("ftp") << "ftp://example.com/api" << false << "";
    QTest::newRow("relative") << "/api" << false << "";
    QTest::newRow("credentials in url") << "https://user:pw@example.com/api" << false << "";
    QTest::newRow("query") << "https://example.com/api?x=1" << false << "";
    QTest::newRow("prefect1 root") << "https://api.prefect.io" << true << "https://api.prefect.io";
}

void TestCloudModel::urlRules()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QFETCH(QString, normalised);
    const auto checked = CloudLink::checkUrl(url);
    QCOMPARE(checked.ok(), accepted);
    if (accepted)
        QCOMPARE(checked->toString(), normalised);
    else
        QCOMPARE(checked.error().code, QStringLiteral("CLOUD001"));
}

void TestCloudModel::workspaceFromCloudUrl()
{
    const auto link =
        CloudLink::make(BackendKind::Prefect2,
                        QStringLiteral("https://api.prefect.cloud/api/accounts/0f0e-11/workspaces/aa-bb"));
    QVERIFY(link.ok());
    QCOMPARE(link->workspace, QStringLiteral("0f0e-11/aa-bb"));
    const auto local = CloudLink::make(BackendKind::Prefect2, QStringLiteral("http://127.0.0.1:4200/api"));
    QVERIFY(local.ok());
    QVERIFY(local->workspace.isEmpty());
}

void TestCloudModel::linkRoundTripsThroughJson()
{
    auto link = CloudLink::make(BackendKind::Prefect1, QStringLiteral("https://api.prefect.io"),
                                QStringLiteral("tenant-1"));
    QVERIFY(link.ok());
    const QJsonObject json = link->toJson();
    QVERIFY(!json.contains(QStringLiteral("apiKey")));
    const auto back = CloudLink::fromJson(json);
    QVERIFY(back.ok());
    QCOMPARE(back->backend, BackendKind::Prefect1);
    QCOMPARE(back->apiUrl, link->apiUrl);
    QCOMPARE(back->workspace, QStringLiteral("tenant-1"));
    QVERIFY(!CloudLink::fromJson(QJsonObject{{QStringLiteral("backend"), QStringLiteral("prefect9")}}).ok());
    QCOMPARE(CloudLink::apiKeyKey(ProfileName::defaultProfile()), QStringLiteral("default/@cloud-api-key"));
}

void TestCloudModel::remoteNames_data()
{
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("prefect2");
    QTest::newRow("aws") << "AWS_CREDENTIALS"
                         << "aws-credentials";
    QTest::newRow("lower") << "db_password"
                           << "db-password";
    QTest::newRow("digits") << "TOKEN_2"
                            << "token-2";
    QTest::newRow("single") << "X"
                            << "x";
}

void TestCloudModel::remoteNames()
{
    QFETCH(QString, local);
    QFETCH(QString, prefect2);
    const SecretName name = *SecretName::parse(local);
    QCOMPARE(RemoteNames::defaultRemoteName(BackendKind::Prefect2, name), prefect2);
    QCOMPARE(RemoteNames::defaultRemoteName(BackendKind::Prefect1, name), local);
    QVERIFY(RemoteNames::isValidRemoteName(BackendKind::Prefect2, prefect2));
}

void TestCloudModel::reverseNames_data()
{
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("local"); // empty: no valid local name
    QTest::newRow("aws") << "aws-credentials"
                         << "AWS_CREDENTIALS";
    QTest::newRow("digits") << "token-2"
                            << "TOKEN_2";
    QTest::newRow("double dash") << "a--b"
                                 << "";
    QTest::newRow("leading digit") << "9lives"
                                   << "";
    QTest::newRow("leading dash") << "-x"
                                  << "";
}

void TestCloudModel::reverseNames()
{
    QFETCH(QString, remote);
    QFETCH(QString, local);
    const auto name = RemoteNames::defaultLocalName(BackendKind::Prefect2, remote);
    QCOMPARE(name.ok(), !local.isEmpty());
    if (name)
        QCOMPARE(name->toString(), local);
    else
        QVERIFY(name.error().message.contains(remote));
}

void TestCloudModel::rememberedRemoteNameWins()
{
    const RemoteNames names(BackendKind::Prefect2,
                            {record(QStringLiteral("db_password")),
                             record(QStringLiteral("API_KEY"), QStringLiteral("legacy-key"))});
    QCOMPARE(names.localNameOf(QStringLiteral("db-password"))->toString(), QStringLiteral("db_password"));
    QCOMPARE(names.localNameOf(QStringLiteral("legacy-key"))->toString(), QStringLiteral("API_KEY"));
    QCOMPARE(names.localNameOf(QStringLiteral("api-key"))->toString(), QStringLiteral("API_KEY"));
    QVERIFY(names.recordFor(QStringLiteral("api-key")) == nullptr);
    // Prefect 1 keeps local names, whatever a former Prefect 2 link remembered.
    const RemoteNames v1(BackendKind::Prefect1,
                         {record(QStringLiteral("API_KEY"), QStringLiteral("legacy-key"))});
    QCOMPARE(v1.remoteNameOf(record(QStringLiteral("API_KEY"), QStringLiteral("legacy-key"))),
             QStringLiteral("API_KEY"));
    QVERIFY(v1.recordFor(QStringLiteral("legacy-key")) == nullptr);
}

void TestCloudModel::valuesTravelAsTheirJsonType()
{
    const SecretValue text = SecretValue::fromString(QStringLiteral("a\"b"));
    QVERIFY(valueToJson(text).isString());
    const auto object = SecretValue::fromJson(R"({"b":1,"a":{"x":true}})");
    QVERIFY(object.ok());
    QVERIFY(valueToJson(*object).isObject());
    const auto back = valueFromJson(valueToJson(*object), QStringLiteral("x"));
    QVERIFY(back.ok());
    QVERIFY(back->isJson());
    QVERIFY(sameValue(*back, *object)); // member order does not matter
    QVERIFY(sameValue(*valueFromJson(valueToJson(text), QStringLiteral("x")), text));
    QVERIFY(!sameValue(SecretValue::fromString(QStringLiteral("{}")), *SecretValue::fromJson("{}")));
}

void TestCloudModel::unsupportedRemoteTypesAreErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << QByteArray("[[1,2]]");
    QTest::newRow("number") << QByteArray("[42]");
    QTest::newRow("null") << QByteArray("[null]");
    QTest::newRow("bool") << QByteArray("[true]");
}

void TestCloudModel::unsupportedRemoteTypesAreErrors()
{
    QFETCH(QByteArray, json);
    const auto value =
        valueFromJson(QJsonDocument::fromJson(json).array().first(), QStringLiteral("odd-one"));
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, QStringLiteral("CLOUD020"));
    QVERIFY(value.error().message.contains(QStringLiteral("odd-one")));
}

void TestCloudModel::compareClassifiesEveryName()
{
    const SyncPlan plan(BackendKind::Prefect2,
                        {record(QStringLiteral("SAME")), record(QStringLiteral("CHANGED")),
                         record(QStringLiteral("LOCAL_ONLY")), record(QStringLiteral("UNREAD"))});
    const QList<RemoteSecret> remote{
        {QStringLiteral("same"), SecretValue::fromString(QStringLiteral("v1")), std::nullopt},
        {QStringLiteral("changed"), SecretValue::fromString(QStringLiteral("v2")), std::nullopt},
        {QStringLiteral("unread"), std::nullopt, std::nullopt},
        {QStringLiteral("remote-only"), SecretValue::fromString(QStringLiteral("v3")), std::nullopt},
        {QStringLiteral("bad--name"), std::nullopt, std::nullopt}};
    const QHash<QString, SecretValue> local{
        {QStringLiteral("SAME"), SecretValue::fromString(QStringLiteral("v1"))},
        {QStringLiteral("CHANGED"), SecretValue::fromString(QStringLiteral("v9"))}};
    const QList<SyncItem> items = plan.compare(remote, local);
    QHash<QString, SyncItem> byRemote;
    for (const SyncItem &item : items)
        byRemote.insert(item.remoteName, item);
    QCOMPARE(items.size(), 6);
    QCOMPARE(byRemote.value(QStringLiteral("same")).comparison, Comparison::Same);
    QCOMPARE(byRemote.value(QStringLiteral("changed")).comparison, Comparison::Changed);
    QCOMPARE(byRemote.value(QStringLiteral("unread")).comparison, Comparison::Unknown);
    QCOMPARE(byRemote.value(QStringLiteral("unread")).presence, Presence::Both);
    QCOMPARE(byRemote.value(QStringLiteral("remote-only")).presence, Presence::RemoteOnly);
    QCOMPARE(byRemote.value(QStringLiteral("remote-only")).localName, QStringLiteral("REMOTE_ONLY"));
    QCOMPARE(byRemote.value(QStringLiteral("local-only")).presence, Presence::LocalOnly);
    QVERIFY(byRemote.value(QStringLiteral("bad--name")).error.has_value());
}

QTEST_GUILESS_MAIN(TestCloudModel)
#include "tst_cloudmodel.moc"
