#include "ui/SecretTableModel.h"

namespace secretdesk {

void SecretTableModel::setRecords(QList<SecretRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

const SecretRecord *SecretTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int SecretTableModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).name.toString() == name)
            return row;
    }
    return -1;
}

int SecretTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int SecretTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SecretTableModel::data(const QModelIndex &index, int role) const
{
    const SecretRecord *r = recordAt(index.row());
    if (!r)
        return {};
    if (role == NameRole)
        return r->name.toString();
    if (role == Qt::ToolTipRole && !r->note.isEmpty())
        return r->note;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return r->name.toString();
    case TypeColumn:
        return r->type == SecretValue::Type::Json ? tr("JSON object") : tr("String");
    case KindColumn:
        return r->kind.isEmpty() ? tr("—") : r->kind;
    case TargetColumn:
        return exportTargetName(r->target);
    case UpdatedColumn:
        return QLocale().toString(r->updated.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant SecretTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case KindColumn:
        return tr("Kind");
    case TargetColumn:
        return tr("Target");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

} // namespace secretdesk
