#include "ui/dialogs/ShortcutsDialog.h"

#include "ui/AccessibleText.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace secretdesk {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    setAccessibleDescription(tr("Every command that has a shortcut, with its keys"));

    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setPlaceholderText(tr("Search commands or keys"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Search shortcuts"));
    m_filter->setAccessibleDescription(tr("Shows only the commands whose name or keys contain this text"));
    m_filter->installEventFilter(this);
    describeClearButton(m_filter, tr("Empties the search field and lists every shortcut again"));

    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Shortcuts"));
    m_table->setAccessibleDescription(tr("One row per command: its name and its keys"));
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const QAction *action : actions) {
        if (action == nullptr || action->isSeparator() || action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(plainText(action->text())));
        m_table->setItem(row, 1, new QTableWidgetItem(keys.join(tr(", "))));
    }
    m_table->resizeColumnToContents(0);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("shortcutButtons"));
    buttons->setAccessibleName(tr("Dialog buttons"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleDescription(tr("Closes the list of shortcuts"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    setTabOrder(m_filter, m_table);
    m_filter->setFocus();
    resize(460, 420);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QString ShortcutsDialog::plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                plain += text.at(++i);
            continue;
        }
        plain += text.at(i);
    }
    // A trailing "…" or "..." stays: it tells that the command opens a dialog.
    return plain;
}

void ShortcutsDialog::filter(const QString &text)
{
    const QString needle = text.trimmed();
    int first = -1;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool match = needle.isEmpty() ||
                           m_table->item(row, 0)->text().contains(needle, Qt::CaseInsensitive) ||
                           m_table->item(row, 1)->text().contains(needle, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
        if (match && first < 0)
            first = row;
    }
    if (first >= 0)
        m_table->setCurrentCell(first, 0);
}

bool ShortcutsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_PageDown) {
            m_table->setFocus();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QStringList ShortcutsDialog::visibleRows() const
{
    QStringList rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!m_table->isRowHidden(row))
            rows << m_table->item(row, 0)->text() + QLatin1Char('\t') + m_table->item(row, 1)->text();
    }
    return rows;
}

} // namespace secretdesk
