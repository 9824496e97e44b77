#include "ui/import/ImportPreviewTable.h"

#include <QHeaderView>

namespace secretdesk {

ImportPreviewTable::ImportPreviewTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("previewTable"));
    setAccessibleName(tr("Import preview"));
    setAccessibleDescription(
        tr("One row per secret found: name, state against this profile, what the import does, its kind "
           "and where it is defined. Values are never shown"));
    setHorizontalHeaderLabels({tr("Name"), tr("State"), tr("Action"), tr("Kind"), tr("Defined at")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
}

QString ImportPreviewTable::stateText(ImportItem::State state)
{
    switch (state) {
    case ImportItem::State::New:
        return tr("new");
    case ImportItem::State::Same:
        return tr("same");
    case ImportItem::State::Changed:
        return tr("changed");
    case ImportItem::State::Conflict:
        return tr("conflict");
    case ImportItem::State::Invalid:
        return tr("invalid");
    }
    return {};
}

QString ImportPreviewTable::actionText(const ImportItem &item)
{
    switch (item.action) {
    case ImportItem::Action::Block:
        return item.state == ImportItem::State::Invalid ? tr("refused") : tr("stops the import");
    case ImportItem::Action::Skip:
        return item.state == ImportItem::State::Same ? tr("nothing to do") : tr("skip");
    case ImportItem::Action::Write:
        return item.state == ImportItem::State::New ? tr("add") : tr("overwrite");
    }
    return {};
}

void ImportPreviewTable::showPlan(const ImportPlan &plan)
{
    const QList<ImportItem> &items = plan.items();
    setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const ImportItem &item = items.at(row);
        const QString cells[ColumnCount] = {item.name, stateText(item.state), actionText(item), item.kind,
                                            item.location.toString()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *cell = new QTableWidgetItem(cells[column]);
            if (column == NameColumn && !item.origin.isEmpty())
                cell->setToolTip(tr("Set by %1").arg(item.origin));
            setItem(row, column, cell);
        }
    }
    resizeColumnsToContents();
}

} // namespace secretdesk
