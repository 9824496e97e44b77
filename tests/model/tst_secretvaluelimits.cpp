// SecretValue's limits on JSON input (docs/FUZZING.md): nesting depth and numbers out of range.
#include "core/model/SecretValue.h"

#include <QTest>

using namespace secretdesk;

class TestSecretValueLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nesting_data();
    void nesting();
    void tooDeepNamesLineAndColumn();
    void bracketsInStringsDoNotCount();
    void hugeNumberIsAnErrorNotACrash_data();
    void hugeNumberIsAnErrorNotACrash();
};

// An object holding `depth` levels in all: the object itself and depth - 1 nested arrays.
static QByteArray nested(int depth)
{
    return "{\"a\":" + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') + "}";
}

void TestSecretValueLimits::nesting_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::newRow("shallow") << 3 << QString();
    QTest::newRow("at the limit") << SecretValue::MaxJsonNesting << QString();
    QTest::newRow("one past the limit") << SecretValue::MaxJsonNesting + 1 << QStringLiteral("VALUE005");
    QTest::newRow("10,000 deep") << 10000 << QStringLiteral("VALUE005");
    QTest::newRow("1,000,000 deep") << 1000000 << QStringLiteral("VALUE005");
}

void TestSecretValueLimits::nesting()
{
    QFETCH(int, depth);
    QFETCH(QString, code);
    const auto value = SecretValue::fromJson(nested(depth));
    QCOMPARE(value.ok(), code.isEmpty());
    if (!value.ok()) {
        QCOMPARE(value.error().code, code);
        QVERIFY(value.error().message.contains(QString::number(SecretValue::MaxJsonNesting)));
    } else {
        QVERIFY(SecretValue::fromJson(value->pretty()).ok());
    }
}

void TestSecretValueLimits::tooDeepNamesLineAndColumn()
{
    const QByteArray text = "{\n  \"k\": " + QByteArray(SecretValue::MaxJsonNesting, '[');
    const auto value = SecretValue::fromJson(text);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, QStringLiteral("VALUE005"));
    QCOMPARE(value.error().location.line, 2);
    // Line 2 is `  "k": [[[...`: the k-th '[' is at column 7 + k and opens level k + 1 (the object is
    // level 1), so the first level too deep opens at column 7 + MaxJsonNesting.
    QCOMPARE(value.error().location.column, 7 + SecretValue::MaxJsonNesting);
}

void TestSecretValueLimits::bracketsInStringsDoNotCount()
{
    const QByteArray brackets(10000, '[');
    const auto value = SecretValue::fromJson("{\"k\":\"" + brackets + "\\\"" + brackets + "\"}");
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
}

void TestSecretValueLimits::hugeNumberIsAnErrorNotACrash_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("1e999") << QByteArray("{\"n\": 1e999}");
    QTest::newRow("-1e400") << QByteArray("{\"n\": [-1e400]}");
    QTest::newRow("fuzzer's find") << QByteArray("{\"f\": 123456789012357e308}");
}

void TestSecretValueLimits::hugeNumberIsAnErrorNotACrash()
{
    QFETCH(QByteArray, text);
    const auto value = SecretValue::fromJson(text);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, QStringLiteral("VALUE006"));
}

QTEST_GUILESS_MAIN(TestSecretValueLimits)
#include "tst_secretvaluelimits.moc"
