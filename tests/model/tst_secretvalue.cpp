#include "core/model/SecretValue.h"

#include <QTest>

using namespace secretdesk;

class TestSecretValue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stringsKeepTheirBytes();
    void invalidUtf8IsRefused();
    void jsonObjectsAreCompactAndKeepOrder();
    void jsonErrorsNameLineAndColumn();
    void nonObjectJsonIsRefused();
    void copiesAreIndependent();
    void movedFromValueIsEmpty();
};

void TestSecretValue::stringsKeepTheirBytes()
{
    const QByteArray bytes = QByteArrayLiteral(" caf\xC3\xA9 \t\r\n$HOME 'x' \"y\" \xF0\x9F\x94\x91 ");
    const auto value = SecretValue::fromUtf8(bytes);
    QVERIFY(value.ok());
    QCOMPARE(value->utf8(), bytes);
    QCOMPARE(value->type(), SecretValue::Type::String);
    QVERIFY(SecretValue::fromUtf8(QByteArray()).ok());
}

void TestSecretValue::invalidUtf8IsRefused()
{
    const auto value = SecretValue::fromUtf8(QByteArrayLiteral("ab\xFF\xFE"));
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, QStringLiteral("VALUE001"));
}

void TestSecretValue::jsonObjectsAreCompactAndKeepOrder()
{
    const auto value = SecretValue::fromJson(
        QByteArrayLiteral("{\n  \"z\": 1,\n  \"a\": {\"k\": [true, null]},\n  \"m\": \"x\\/y\"\n}"));
    QVERIFY(value.ok());
    QCOMPARE(value->type(), SecretValue::Type::Json);
    QCOMPARE(value->utf8(), QByteArrayLiteral("{\"z\":1,\"a\":{\"k\":[true,null]},\"m\":\"x/y\"}"));
    QVERIFY(value->pretty().contains("\n  \"z\": 1"));
}

void TestSecretValue::jsonErrorsNameLineAndColumn()
{
    const auto value = SecretValue::fromJson(QByteArrayLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}"));
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, QStringLiteral("VALUE002"));
    QCOMPARE(value.error().location.line, 3);
    QCOMPARE(value.error().location.column, 7);
}

void TestSecretValue::nonObjectJsonIsRefused()
{
    for (const QByteArray &text :
         {QByteArrayLiteral("[1]"), QByteArrayLiteral("\"s\""), QByteArrayLiteral("12")}) {
        const auto value = SecretValue::fromJson(text);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code, QStringLiteral("VALUE003"));
    }
}

void TestSecretValue::copiesAreIndependent()
{
    SecretValue a = SecretValue::fromString(QStringLiteral("first"));
    SecretValue b = a;
    QVERIFY(a == b);
    QVERIFY(a.utf8().constData() != b.utf8().constData()); // deep copy: wiping one cannot blank the other
    a = SecretValue::fromString(QStringLiteral("second"));
    QCOMPARE(b.utf8(), QByteArrayLiteral("first"));
}

void TestSecretValue::movedFromValueIsEmpty()
{
    SecretValue a = SecretValue::fromString(QStringLiteral("moving"));
    SecretValue b = std::move(a);
    QCOMPARE(b.utf8(), QByteArrayLiteral("moving"));
    QVERIFY(
        a.utf8().isEmpty()); // NOLINT(bugprone-use-after-move): checking the moved-from state is the point
}

QTEST_GUILESS_MAIN(TestSecretValue)
#include "tst_secretvalue.moc"
