#include "ui/Clipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace secretdesk;

// Clipboard hygiene: hints for history managers, a countdown, and clearing only our own text.
class TestClipboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void secretCarriesTheHints();
    void countdownThenClear();
    void anotherAppsTextIsNeverCleared();
    void nameHasNoTimeoutAndReplacesOurSecret();
    void quitClearsOnlyOurs_data();
    void quitClearsOnlyOurs();
    void timerCountsDownForReal();

private:
    QClipboard *clipboard() const { return QGuiApplication::clipboard(); }
};

namespace {

// Generated at test time: never a real-looking credential.
QString sampleSecret()
{
    return QStringLiteral("sample-%1").arg(QDateTime::currentMSecsSinceEpoch(), 0, 36);
}

} // namespace

void TestClipboard::init()
{
    clipboard()->setText(QStringLiteral("before the test"));
}

void TestClipboard::secretCarriesTheHints()
{
    Clipboard ours;
    const QString secret = sampleSecret();
    ours.copySecret(secret);
    QCOMPARE(clipboard()->text(), secret);
    const QMimeData *data = clipboard()->mimeData();
    QVERIFY(data->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    QCOMPARE(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    std::unique_ptr<QMimeData> built(Clipboard::secretMimeData(secret));
    QCOMPARE(built->text(), secret);
#if defined(Q_OS_MACOS)
    QVERIFY(built->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
#elif defined(Q_OS_WIN)
    QCOMPARE(built->data(QStringLiteral("CanIncludeInClipboardHistory")), QByteArray(4, '\0'));
    QCOMPARE(built->data(QStringLiteral("CanUploadToCloudClipboard")), QByteArray(4, '\0'));
    QVERIFY(built->hasFormat(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing")));
#endif
}

void TestClipboard::countdownThenClear()
{
    Clipboard ours;
    ours.setTimeoutSeconds(3);
    QSignalSpy countdown(&ours, &Clipboard::countdown);
    QSignalSpy cleared(&ours, &Clipboard::cleared);
    const QString secret = sampleSecret();
    ours.copySecret(secret);
    QCOMPARE(countdown.count(), 1);
    QCOMPARE(countdown.last().at(0).toInt(), 3);
    QCOMPARE(ours.remainingSeconds(), 3);
    ours.tick();
    QCOMPARE(countdown.last().at(0).toInt(), 2);
    ours.tick();
    QCOMPARE(countdown.last().at(0).toInt(), 1);
    QCOMPARE(clipboard()->text(), secret);
    QCOMPARE(cleared.count(), 0);
    ours.tick();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(ours.remainingSeconds(), 0);
    QVERIFY(clipboard()->text().isEmpty());
    ours.tick(); // nothing pending: no second clear
    QCOMPARE(cleared.count(), 1);
}

void TestClipboard::anotherAppsTextIsNeverCleared()
{
    Clipboard ours;
    ours.setTimeoutSeconds(5);
    ours.copySecret(sampleSecret());
    clipboard()->setText(QStringLiteral("copied by someone else"));
    for (int second = 0; second < 5; ++second)
        ours.tick();
    QCOMPARE(clipboard()->text(), QStringLiteral("copied by someone else"));
    QCOMPARE(ours.remainingSeconds(), 0);
}

void TestClipboard::nameHasNoTimeoutAndReplacesOurSecret()
{
    Clipboard ours;
    ours.setTimeoutSeconds(2);
    QSignalSpy cleared(&ours, &Clipboard::cleared);
    ours.copySecret(sampleSecret());
    ours.copyPlain(QStringLiteral("GITHUB_ACCESS_TOKEN"));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(ours.remainingSeconds(), 0);
    QVERIFY(!clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    for (int second = 0; second < 3; ++second)
        ours.tick();
    QCOMPARE(clipboard()->text(), QStringLiteral("GITHUB_ACCESS_TOKEN"));
}

void TestClipboard::quitClearsOnlyOurs_data()
{
    QTest::addColumn<bool>("replacedByOther");
    QTest::newRow("still ours") << false;
    QTest::newRow("replaced") << true;
}

void TestClipboard::quitClearsOnlyOurs()
{
    QFETCH(bool, replacedByOther);
    Clipboard ours;
    const QString secret = sampleSecret();
    ours.copySecret(secret);
    if (replacedByOther)
        clipboard()->setText(QStringLiteral("the user's own text"));
    // aboutToQuit is a private signal: raise it the way the event loop does, through the meta-object.
    QVERIFY(QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit", Qt::DirectConnection));
    QCOMPARE(clipboard()->text(), replacedByOther ? QStringLiteral("the user's own text") : QString());
    QCOMPARE(ours.remainingSeconds(), 0);
}

void TestClipboard::timerCountsDownForReal()
{
    // The one-second timer drives tick(): with a one-second timeout the text goes within a few seconds.
    Clipboard ours;
    ours.setTimeoutSeconds(1);
    ours.copySecret(sampleSecret());
    QTRY_VERIFY_WITH_TIMEOUT(clipboard()->text().isEmpty(), 5000);
}

QTEST_MAIN(TestClipboard)
#include "tst_clipboard.moc"
