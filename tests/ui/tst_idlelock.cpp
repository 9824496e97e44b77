#include "ui/IdleLock.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace secretdesk;
using namespace std::chrono_literals;

// The idle counter: locks after the limit without input, input restarts the count, 0 never locks.
class TestIdleLock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void locksWhenIdle();
    void inputRestartsTheCount();
    void zeroNeverLocks();
    void lockNowAndUnlock();
    void minutesBecomeTheLimit();
};

void TestIdleLock::locksWhenIdle()
{
    IdleLock lock;
    QSignalSpy locked(&lock, &IdleLock::locked);
    lock.setIdleLimit(150ms);
    QTRY_COMPARE_WITH_TIMEOUT(locked.count(), 1, 5000);
    QVERIFY(lock.isLocked());
    QTest::qWait(300); // stays locked, no second signal while locked
    QCOMPARE(locked.count(), 1);
}

void TestIdleLock::inputRestartsTheCount()
{
    QWidget widget;
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    IdleLock lock;
    QSignalSpy locked(&lock, &IdleLock::locked);
    lock.setIdleLimit(800ms);
    // Keep typing for longer than the limit: no lock.
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(&widget, Qt::Key_A);
        QTest::qWait(100);
    }
    QCOMPARE(locked.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(locked.count(), 1, 5000);
}

void TestIdleLock::zeroNeverLocks()
{
    IdleLock lock;
    QSignalSpy locked(&lock, &IdleLock::locked);
    lock.setIdleLimit(100ms);
    lock.setIdleMinutes(0);
    QTest::qWait(400);
    QCOMPARE(locked.count(), 0);
    QVERIFY(!lock.isLocked());
}

void TestIdleLock::lockNowAndUnlock()
{
    IdleLock lock;
    QSignalSpy locked(&lock, &IdleLock::locked);
    lock.lockNow();
    QCOMPARE(locked.count(), 1);
    QVERIFY(lock.isLocked());
    lock.unlock();
    QVERIFY(!lock.isLocked());
}

void TestIdleLock::minutesBecomeTheLimit()
{
    IdleLock lock;
    lock.setIdleMinutes(10);
    QCOMPARE(lock.idleLimit(), std::chrono::milliseconds(10min));
    lock.setIdleMinutes(-3);
    QCOMPARE(lock.idleLimit(), 0ms);
}

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
