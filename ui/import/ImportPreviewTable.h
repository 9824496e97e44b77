#pragma once

#include "core/importing/ImportPlan.h"

#include <QTableWidget>

namespace secretdesk {

// The rows of an import plan: name, state, what the import does, the detected kind and where the
// secret was defined. It never holds a value: only the plan (in memory) does.
class ImportPreviewTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, ActionColumn, KindColumn, WhereColumn, ColumnCount };

    explicit ImportPreviewTable(QWidget *parent = nullptr);

    void showPlan(const ImportPlan &plan);
    // The words the table shows for a state and an action (translated).
    static QString stateText(ImportItem::State state);
    static QString actionText(const ImportItem &item);
};

} // namespace secretdesk
