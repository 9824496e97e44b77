#pragma once

#include "core/model/SecretRecord.h"
#include "ui/ValidationState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

#include <array>

namespace secretdesk {

// The profile's secrets as table rows: metadata and validation state only, never a value.
class SecretTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ValidationColumn, TargetColumn, UpdatedColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1,
        // What the proxy sorts by: the name, the kind, the state's rank, the target, the time.
        SortRole,
        ValidationRole, // ValidationState as int
    };

    explicit SecretTableModel(QObject *parent = nullptr);

    void setRecords(QList<SecretRecord> records);
    const QList<SecretRecord> &records() const { return m_records; }
    const SecretRecord *recordAt(int row) const;
    int rowOf(const QString &name) const;

    // Validation states are kept by name, so a reload of the catalog keeps what was learnt.
    ValidationState validationState(const QString &name) const;
    void setValidationState(const QString &name, ValidationState state);
    // Forgets every state (lock): each row is "not checked" again.
    void clearValidationStates();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString targetText(ExportTarget target);

private:
    QVariant displayData(const SecretRecord &record, int column) const;
    QVariant sortData(const SecretRecord &record, int column) const;

    QList<SecretRecord> m_records;
    QHash<QString, int> m_rowByName;
    QHash<QString, ValidationState> m_states;
    std::array<QIcon, 4> m_icons;
};

} // namespace secretdesk
