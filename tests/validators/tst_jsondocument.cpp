// The offset-keeping JSON parser: error positions (line:column), strictness, duplicates and
// the raw offsets that fixes are built from.
#include "core/validators/JsonDocument.h"

#include <QTest>

using namespace secretdesk;

class TestJsonDocument : public QObject {
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void accepts_data();
    void accepts();
    void lastDuplicateWins();
    void rawOffsetsFollowEscapes();
    void depthIsBounded();
};

void TestJsonDocument::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("empty") << QByteArray() << 1 << 1;
    QTest::newRow("trailing comma") << QByteArray("{\n  \"a\": 1,\n}") << 3 << 1;
    QTest::newRow("single quotes") << QByteArray("{'a': 1}") << 1 << 2;
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6;
    QTest::newRow("bad escape") << QByteArray("{\"a\": \"\\q\"}") << 1 << 9;
    QTest::newRow("raw newline in string") << QByteArray("{\"a\": \"x\ny\"}") << 1 << 9;
    QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 3;
    QTest::newRow("text after value") << QByteArray("{} x") << 1 << 4;
    QTest::newRow("column counts characters")
        << QByteArray("{\"\xc3\xa9\": tru}") << 1 << 10; // at the '}', counted in characters
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\": \"\xff\"}") << 1 << 8;
    QTest::newRow("overlong utf-8") << QByteArray("[\"\xc0\xaf\"]") << 1 << 3;
    QTest::newRow("short unicode escape") << QByteArray("[\"\\u12\"]") << 1 << 5;
}

void TestJsonDocument::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const JsonDocument doc = JsonDocument::parse(text);
    QVERIFY(!doc.ok());
    QVERIFY(!doc.errorMessage().isEmpty());
    int l = 0;
    int c = 0;
    doc.lineColumn(doc.errorOffset(), &l, &c);
    QCOMPARE(l, line);
    QCOMPARE(c, column);
}

void TestJsonDocument::accepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("object") << QByteArray(" {\"a\": [1, -2.5e3, true, false, null, {}]} \n");
    QTest::newRow("escapes") << QByteArray("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"]");
    QTest::newRow("scalar") << QByteArray("\"just a string\"");
}

void TestJsonDocument::accepts()
{
    QFETCH(QByteArray, text);
    QVERIFY2(JsonDocument::parse(text).ok(), qPrintable(JsonDocument::parse(text).errorMessage()));
}

void TestJsonDocument::lastDuplicateWins()
{
    const JsonDocument doc = JsonDocument::parse("{\"k\": \"first\", \"k\": \"second\"}");
    QVERIFY(doc.ok());
    QCOMPARE(doc.root().members.size(), 2);
    QCOMPARE(doc.member(doc.root(), u"k")->text, QStringLiteral("second"));
    QCOMPARE(doc.member(doc.root(), u"missing"), nullptr);
}

void TestJsonDocument::rawOffsetsFollowEscapes()
{
    const QByteArray text = "{\"k\": \"a\\nb\\u00e9\xc3\xa9\"}";
    const JsonDocument doc = JsonDocument::parse(text);
    QVERIFY(doc.ok());
    const JsonNode *node = doc.member(doc.root(), u"k");
    QCOMPARE(node->text, QStringLiteral("a\nb\u00e9\u00e9"));
    const QList<qsizetype> offsets = doc.rawOffsets(*node);
    // a at 7, \n at 8, b at 10, \u00e9 at 11, the UTF-8 é at 17, closing quote at 19.
    QCOMPARE(offsets, (QList<qsizetype>{7, 8, 10, 11, 17, 19}));
}

void TestJsonDocument::depthIsBounded()
{
    const QByteArray deep = QByteArray(1000, '[') + QByteArray(1000, ']');
    const JsonDocument doc = JsonDocument::parse(deep);
    QVERIFY(!doc.ok());
    QVERIFY(doc.errorMessage().contains(QStringLiteral("nesting")));
    QVERIFY(JsonDocument::parse(QByteArray(60, '[') + QByteArray(60, ']')).ok());
}

QTEST_GUILESS_MAIN(TestJsonDocument)
#include "tst_jsondocument.moc"
