#include "core/model/SecretName.h"

#include <QTest>

using namespace secretdesk;

class TestSecretName : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void everyReservedNameIsRefused();
    void profileNames_data();
    void profileNames();
};

void TestSecretName::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code"); // empty: accepted

    QTest::newRow("upper") << QStringLiteral("GCP_CREDENTIALS") << QString();
    QTest::newRow("mixed case kept") << QStringLiteral("MyKey") << QString();
    QTest::newRow("digits") << QStringLiteral("DB2_PASSWORD_3") << QString();
    QTest::newRow("single letter") << QStringLiteral("x") << QString();
    QTest::newRow("trailing underscore") << QStringLiteral("TOKEN_") << QString();
    QTest::newRow("longest") << QString(128, u'A') << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("NAME001");
    QTest::newRow("too long") << QString(129, u'A') << QStringLiteral("NAME002");
    QTest::newRow("leading digit") << QStringLiteral("1PASSWORD") << QStringLiteral("NAME003");
    QTest::newRow("leading underscore") << QStringLiteral("_PRIVATE") << QStringLiteral("NAME003");
    QTest::newRow("dash") << QStringLiteral("MY-KEY") << QStringLiteral("NAME004");
    QTest::newRow("dot") << QStringLiteral("a.b") << QStringLiteral("NAME004");
    QTest::newRow("space") << QStringLiteral("MY KEY") << QStringLiteral("NAME004");
    QTest::newRow("non-ascii letter") << QStringLiteral("CL\u00C9") << QStringLiteral("NAME004");
    QTest::newRow("equals") << QStringLiteral("A=B") << QStringLiteral("NAME004");
    QTest::newRow("double underscore") << QStringLiteral("AWS__KEY") << QStringLiteral("NAME005");
    QTest::newRow("triple underscore") << QStringLiteral("A___B") << QStringLiteral("NAME005");
    QTest::newRow("box method") << QStringLiteral("keys") << QStringLiteral("NAME006");
    QTest::newRow("prefect method") << QStringLiteral("get_nested") << QStringLiteral("NAME006");
    QTest::newRow("method name in another case is fine") << QStringLiteral("KEYS") << QString();
}

void TestSecretName::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto name = SecretName::parse(text);
    if (code.isEmpty()) {
        QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
        QCOMPARE(name->toString(), text);
    } else {
        QVERIFY(!name.ok());
        QCOMPARE(name.error().code, code);
        QCOMPARE(name.error().failure, Failure::InvalidInput);
        QVERIFY(!name.error().message.isEmpty());
    }
}

void TestSecretName::everyReservedNameIsRefused()
{
    QVERIFY(SecretName::reservedNames().size() >= 20);
    for (const QString &reserved : SecretName::reservedNames()) {
        const auto name = SecretName::parse(reserved);
        QVERIFY2(!name.ok(), qPrintable(reserved));
        QCOMPARE(name.error().code, QStringLiteral("NAME006"));
    }
}

void TestSecretName::profileNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("default") << QStringLiteral("default") << true;
    QTest::newRow("dotted") << QStringLiteral("team.prod-2") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("leading dash") << QStringLiteral("-x") << false;
    QTest::newRow("too long") << QString(65, u'p') << false;
}

void TestSecretName::profileNames()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QCOMPARE(ProfileName::parse(text).ok(), accepted);
}

QTEST_GUILESS_MAIN(TestSecretName)
#include "tst_secretname.moc"
