#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QTableWidget;

namespace secretdesk {

// Help > Shortcuts: the text (without mnemonics) and the key sequences, in the platform's notation,
// of every action that has a shortcut, in a table filtered as you type. Down in the filter moves
// into the table, so the whole dialog works from the keyboard.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    // Rows left visible by the filter, as "text<TAB>shortcuts" (for tests and screen readers).
    QStringList visibleRows() const;
    // An action's text as shown in a menu, without the & that marks its mnemonic ("&&" stays "&").
    static QString plainText(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);

    QLineEdit *m_filter;
    QTableWidget *m_table;
};

} // namespace secretdesk
