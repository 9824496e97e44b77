#include "ui/SecretTableModel.h"

#include <QLocale>

namespace secretdesk {

SecretTableModel::SecretTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (int state = 0; state < static_cast<int>(m_icons.size()); ++state)
        m_icons[state] = validationStateIcon(static_cast<ValidationState>(state));
}

void SecretTableModel::setRecords(QList<SecretRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_rowByName.clear();
    m_rowByName.reserve(m_records.size());
    for (int row = 0; row < m_records.size(); ++row)
        m_rowByName.insert(m_records.at(row).name.toString(), row);
    endResetModel();
}

const SecretRecord *SecretTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int SecretTableModel::rowOf(const QString &name) const
{
    return m_rowByName.value(name, -1);
}

ValidationState SecretTableModel::validationState(const QString &name) const
{
    return m_states.value(name, ValidationState::NotChecked);
}

void SecretTableModel::setValidationState(const QString &name, ValidationState state)
{
    if (validationState(name) == state)
        return;
    if (state == ValidationState::NotChecked)
        m_states.remove(name);
    else
        m_states.insert(name, state);
    const int row = rowOf(name);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, ValidationColumn), index(row, ValidationColumn));
}

void SecretTableModel::clearValidationStates()
{
    if (m_states.isEmpty())
        return;
    m_states.clear();
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, ValidationColumn), index(rowCount() - 1, ValidationColumn));
}

int SecretTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int SecretTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SecretTableModel::targetText(ExportTarget target)
{
    switch (target) {
    case ExportTarget::Plain:
        return tr("plain");
    case ExportTarget::Both:
        return tr("context + plain");
    case ExportTarget::Context:
        break;
    }
    return tr("context");
}

QVariant SecretTableModel::data(const QModelIndex &index, int role) const
{
    const SecretRecord *r = recordAt(index.row());
    if (!r)
        return {};
    switch (role) {
    case NameRole:
        return r->name.toString();
    case SortRole:
        return sortData(*r, index.column());
    case ValidationRole:
        return static_cast<int>(validationState(r->name.toString()));
    case Qt::ToolTipRole:
        if (index.column() == ValidationColumn)
            return validationStateText(validationState(r->name.toString()));
        return r->note.isEmpty() ? QVariant() : QVariant(r->note);
    case Qt::DecorationRole:
        if (index.column() == ValidationColumn)
            return m_icons[static_cast<int>(validationState(r->name.toString()))];
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == ValidationColumn)
            return validationStateText(validationState(r->name.toString()));
        return displayData(*r, index.column());
    case Qt::DisplayRole:
        return displayData(*r, index.column());
    default:
        return {};
    }
}

QVariant SecretTableModel::displayData(const SecretRecord &r, int column) const
{
    switch (column) {
    case NameColumn:
        return r.name.toString();
    case KindColumn:
        return r.kind.isEmpty() ? tr("—") : r.kind;
    case ValidationColumn:
        return validationStateText(validationState(r.name.toString()));
    case TargetColumn:
        return targetText(r.target);
    case UpdatedColumn:
        return QLocale().toString(r.updated.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant SecretTableModel::sortData(const SecretRecord &r, int column) const
{
    switch (column) {
    case NameColumn:
        return r.name.toString();
    case KindColumn:
        return r.kind;
    case ValidationColumn:
        return static_cast<int>(validationState(r.name.toString()));
    case TargetColumn:
        return static_cast<int>(r.target);
    case UpdatedColumn:
        return r.updated;
    }
    return {};
}

QVariant SecretTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ValidationColumn:
            return tr("Checked when the value is read this session (reveal, copy, edit)");
        case TargetColumn:
            return tr("Where an export puts the secret: the Prefect context, a plain variable, or both");
        default:
            return {};
        }
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case ValidationColumn:
        return tr("Validation");
    case TargetColumn:
        return tr("Targets");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

} // namespace secretdesk
