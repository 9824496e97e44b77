// The CRC32/Base62 tail of classic GitHub tokens, checked against zlib's crc32 and an
// independent Base62 encoder (TestMaterial), never against values computed by the code under test.
#include "TestMaterial.h"

#include "core/validators/GithubTokenChecksum.h"

#include <QTest>

#include <zlib.h>

using namespace secretdesk;

class TestGithubTokenChecksum : public QObject {
    Q_OBJECT

private slots:
    void crc32MatchesZlib();
    void base62_data();
    void base62();
    void generatedTokensVerify();
    void everySingleCharacterChangeFails();
    void wrongLengthFails();
};

void TestGithubTokenChecksum::crc32MatchesZlib()
{
    // The standard check value of CRC-32/ISO-HDLC.
    QCOMPARE(GithubTokenChecksum::crc32("123456789"), quint32(0xCBF43926));
    TestMaterial material(7);
    for (int length : {0, 1, 29, 30, 31, 200}) {
        const QByteArray data = material.base62(length);
        const auto expected = static_cast<quint32>(
            ::crc32(0L, reinterpret_cast<const Bytef *>(data.constData()), static_cast<uInt>(data.size())));
        QCOMPARE(GithubTokenChecksum::crc32(data), expected);
    }
}

void TestGithubTokenChecksum::base62_data()
{
    QTest::addColumn<quint32>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("zero") << quint32(0) << QByteArray("000000");
    QTest::newRow("one") << quint32(1) << QByteArray("000001");
    QTest::newRow("61") << quint32(61) << QByteArray("00000z");
    QTest::newRow("62") << quint32(62) << QByteArray("000010");
    QTest::newRow("max") << quint32(0xFFFFFFFF) << QByteArray("4gfFC3"); // spec 2.1 side rule
}

void TestGithubTokenChecksum::base62()
{
    QFETCH(quint32, value);
    QFETCH(QByteArray, encoded);
    QCOMPARE(GithubTokenChecksum::base62(value), encoded);
}

void TestGithubTokenChecksum::generatedTokensVerify()
{
    TestMaterial material(11);
    for (int i = 0; i < 200; ++i) {
        const QByteArray token = material.githubClassic("ghp");
        QVERIFY(GithubTokenChecksum::verify(token.mid(4)));
        QCOMPARE(GithubTokenChecksum::of(token.mid(4, 30)), token.right(6));
    }
}

void TestGithubTokenChecksum::everySingleCharacterChangeFails()
{
    TestMaterial material(13);
    const QByteArray token = material.githubClassic("gho").mid(4);
    for (int i = 0; i < token.size(); ++i) {
        QByteArray changed = token;
        changed[i] = token.at(i) == 'x' ? 'y' : 'x';
        QVERIFY2(!GithubTokenChecksum::verify(changed), qPrintable(QString::number(i)));
    }
}

void TestGithubTokenChecksum::wrongLengthFails()
{
    TestMaterial material(17);
    const QByteArray token = material.githubClassic("ghp").mid(4);
    QVERIFY(!GithubTokenChecksum::verify(token.left(35)));
    QVERIFY(!GithubTokenChecksum::verify(token + 'a'));
    QVERIFY(!GithubTokenChecksum::verify(QByteArray()));
}

QTEST_GUILESS_MAIN(TestGithubTokenChecksum)
#include "tst_githubtokenchecksum.moc"
