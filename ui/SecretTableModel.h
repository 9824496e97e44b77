#pragma once

#include "core/model/SecretRecord.h"

#include <QAbstractTableModel>

namespace secretdesk {

// The profile's secrets as table rows: metadata only, never a value.
class SecretTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, KindColumn, TargetColumn, UpdatedColumn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(QList<SecretRecord> records);
    const QList<SecretRecord> &records() const { return m_records; }
    const SecretRecord *recordAt(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SecretRecord> m_records;
};

} // namespace secretdesk
