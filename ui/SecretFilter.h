#pragma once

#include "ui/SearchQuery.h"

#include <QSortFilterProxyModel>

namespace secretdesk {

class SecretTableModel;

// The table's sort and search: rows of a SecretTableModel that match the search box's query
// (SearchQuery's grammar), sorted by SecretTableModel::SortRole.
class SecretFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SecretFilter(QObject *parent = nullptr);

    void setSecretModel(SecretTableModel *model);
    // Parses the text and filters again; the same query twice does nothing.
    void setQuery(const QString &text);
    QString queryText() const { return m_text; }
    const SearchQuery &query() const { return m_query; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Compares the records themselves: a QVariant per comparison made sorting 10,000 rows slow.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    SecretTableModel *m_model = nullptr;
    SearchQuery m_query;
    QString m_text;
};

} // namespace secretdesk
