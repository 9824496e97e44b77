#include "ui/dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

using namespace secretdesk;

// The shortcuts list offscreen: which actions appear, how their keys read, filtering and keyboard use.
class TestShortcutsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsActionsWithShortcuts();
    void filterMatchesTextAndKeys_data();
    void filterMatchesTextAndKeys();
    void keyboardMovesFromFilterToTable();
    void plainTextDropsMnemonics_data();
    void plainTextDropsMnemonics();

private:
    static QString native(const QKeySequence &keys) { return keys.toString(QKeySequence::NativeText); }

    QObject m_owner;
    QList<QAction *> m_actions;
    std::unique_ptr<ShortcutsDialog> m_dialog;
};

void TestShortcutsDialog::init()
{
    const auto add = [this](const QString &text, const QList<QKeySequence> &keys) {
        auto *action = new QAction(text, &m_owner);
        action->setShortcuts(keys);
        m_actions << action;
    };
    add(QStringLiteral("&New secret…"), {QKeySequence::New});
    add(QStringLiteral("Copy &value"),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QKeySequence(Qt::Key_F9)});
    add(QStringLiteral("Save && &lock"), {QKeySequence(Qt::CTRL | Qt::Key_L)});
    add(QStringLiteral("No shortcut"), {});
    auto *separator = new QAction(&m_owner);
    separator->setSeparator(true);
    m_actions << separator;
    m_dialog = std::make_unique<ShortcutsDialog>(m_actions);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestShortcutsDialog::cleanup()
{
    m_dialog.reset();
    qDeleteAll(m_actions);
    m_actions.clear();
}

void TestShortcutsDialog::listsActionsWithShortcuts()
{
    const QStringList expected{
        QStringLiteral("New secret…\t") + native(QKeySequence::New),
        QStringLiteral("Copy value\t") + native(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)) +
            QStringLiteral(", ") + native(QKeySequence(Qt::Key_F9)),
        QStringLiteral("Save & lock\t") + native(QKeySequence(Qt::CTRL | Qt::Key_L)),
    };
    QCOMPARE(m_dialog->visibleRows(), expected);
}

void TestShortcutsDialog::filterMatchesTextAndKeys_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("commands");
    QTest::newRow("by text, any case") << QStringLiteral("COPY") << QStringList{QStringLiteral("Copy value")};
    QTest::newRow("by key") << QStringLiteral("F9") << QStringList{QStringLiteral("Copy value")};
    QTest::newRow("ampersand kept") << QStringLiteral("& lock") << QStringList{QStringLiteral("Save & lock")};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("empty shows all") << QString()
                                     << QStringList{QStringLiteral("New secret…"),
                                                    QStringLiteral("Copy value"),
                                                    QStringLiteral("Save & lock")};
}

void TestShortcutsDialog::filterMatchesTextAndKeys()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, commands);
    auto *filter = m_dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"));
    QTest::keyClicks(filter, typed);
    QStringList shown;
    for (const QString &row : m_dialog->visibleRows())
        shown << row.section(QLatin1Char('\t'), 0, 0);
    QCOMPARE(shown, commands);
}

void TestShortcutsDialog::keyboardMovesFromFilterToTable()
{
    auto *filter = m_dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"));
    auto *table = m_dialog->findChild<QTableWidget *>(QStringLiteral("shortcutTable"));
    QTRY_COMPARE(QApplication::focusWidget(), filter); // typing can start at once
    QTest::keyClicks(filter, QStringLiteral("lock"));
    QTest::keyClick(filter, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), table);
    QCOMPARE(table->item(table->currentRow(), 0)->text(), QStringLiteral("Save & lock"));
}

void TestShortcutsDialog::plainTextDropsMnemonics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plain");
    QTest::newRow("mnemonic") << QStringLiteral("&Edit") << QStringLiteral("Edit");
    QTest::newRow("middle") << QStringLiteral("Copy &name") << QStringLiteral("Copy name");
    QTest::newRow("escaped") << QStringLiteral("Save && quit") << QStringLiteral("Save & quit");
    QTest::newRow("trailing") << QStringLiteral("Odd&") << QStringLiteral("Odd");
    QTest::newRow("none") << QStringLiteral("Lock") << QStringLiteral("Lock");
}

void TestShortcutsDialog::plainTextDropsMnemonics()
{
    QFETCH(QString, text);
    QFETCH(QString, plain);
    QCOMPARE(ShortcutsDialog::plainText(text), plain);
}

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
