#include "core/run/OutputMasker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace secretdesk;

class TestOutputMasker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void masks_data();
    void masks();
    void splitAcrossReadsIsStillMasked();
    void promptsAreNotHeldBack();
    void randomChunkingsAgreeAndNeverLeak();
};

namespace {
QByteArray maskAll(const QList<QByteArray> &values, const QList<QByteArray> &chunks)
{
    OutputMasker masker(values);
    QByteArray out;
    for (const QByteArray &chunk : chunks)
        out += masker.feed(chunk);
    return out + masker.finish();
}
} // namespace

void TestOutputMasker::masks_data()
{
    QTest::addColumn<QList<QByteArray>>("values");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("one") << QList<QByteArray>{"hunter2"} << QByteArray("pw=hunter2;")
                         << QByteArray("pw=*****;");
    QTest::newRow("twice") << QList<QByteArray>{"abcd"} << QByteArray("abcdxabcd")
                           << QByteArray("*****x*****");
    QTest::newRow("short values are left alone")
        << QList<QByteArray>{"abc"} << QByteArray("abc abc") << QByteArray("abc abc");
    QTest::newRow("longest wins") << QList<QByteArray>{"pass", "password1"} << QByteArray("my password1!")
                                  << QByteArray("my *****!");
    QTest::newRow("adjacent") << QList<QByteArray>{"aaaa"} << QByteArray("aaaaaaaa")
                              << QByteArray("**********");
    QTest::newRow("multiline value") << QList<QByteArray>{"line1\nline2"} << QByteArray("x line1\nline2 y")
                                     << QByteArray("x ***** y");
    QTest::newRow("no values") << QList<QByteArray>{} << QByteArray("anything") << QByteArray("anything");
    QTest::newRow("utf-8") << QList<QByteArray>{"p\xC3\xA4ss"} << QByteArray("[p\xC3\xA4ss]")
                           << QByteArray("[*****]");
}

void TestOutputMasker::masks()
{
    QFETCH(QList<QByteArray>, values);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(maskAll(values, {input}), expected);
}

void TestOutputMasker::splitAcrossReadsIsStillMasked()
{
    OutputMasker masker({"s3cr3t-token"});
    QByteArray out = masker.feed("token: s3cr");
    QCOMPARE(out, QByteArray("token: ")); // "s3cr" could begin the value: held back
    out += masker.feed("3t-tok");
    out += masker.feed("en done\n");
    out += masker.finish();
    QCOMPARE(out, QByteArray("token: ***** done\n"));
}

void TestOutputMasker::promptsAreNotHeldBack()
{
    OutputMasker masker({"s3cr3t-token"});
    QCOMPARE(masker.feed("Password: "), QByteArray("Password: "));
    QCOMPARE(masker.feed("s3cX"), QByteArray("s3cX"));
}

void TestOutputMasker::randomChunkingsAgreeAndNeverLeak()
{
    QRandomGenerator rng(20261129);
    for (int round = 0; round < 300; ++round) {
        QList<QByteArray> values;
        const int count = 1 + rng.bounded(4);
        for (int i = 0; i < count; ++i) {
            QByteArray v;
            const int length = OutputMasker::MinimumLength + rng.bounded(12);
            for (int j = 0; j < length; ++j)
                v.append(static_cast<char>('a' + rng.bounded(3))); // a small alphabet makes overlaps likely
            values << v;
        }
        QByteArray text;
        for (int i = 0; i < 20; ++i) {
            text += QByteArray(rng.bounded(6), 'a' + static_cast<char>(rng.bounded(4)));
            if (rng.bounded(2))
                text += values.at(rng.bounded(values.size()));
        }
        const QByteArray whole = maskAll(values, {text});
        QList<QByteArray> chunks;
        for (qsizetype pos = 0; pos < text.size();) {
            const qsizetype n = 1 + rng.bounded(7);
            chunks << text.mid(pos, n);
            pos += n;
        }
        QCOMPARE(maskAll(values, chunks), whole);
        for (const QByteArray &v : values)
            QVERIFY2(!whole.contains(v), qPrintable(QStringLiteral("round %1 leaked a value").arg(round)));
    }
}

QTEST_GUILESS_MAIN(TestOutputMasker)
#include "tst_outputmasker.moc"
