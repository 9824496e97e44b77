#include "ui/SecretFilter.h"

#include "ui/SecretTableModel.h"

namespace secretdesk {

SecretFilter::SecretFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SecretTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
    // A validation state learnt by reading a value may make a row (un)match `invalid`.
    setDynamicSortFilter(true);
}

void SecretFilter::setSecretModel(SecretTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void SecretFilter::setQuery(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_query = SearchQuery::parse(text);
    // One layout change instead of invalidateRowsFilter()'s removal or insertion signal per run of
    // rows: on 10,000 rows a first letter removes thousands of scattered runs, each one a signal the
    // view and the selection model answer (about 10 times slower in bench/ui).
    invalidate();
}

bool SecretFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_query.isEmpty() || sourceParent.isValid() || !m_model)
        return true;
    // Straight to the record: no QVariant per cell, which keeps a keystroke over 10,000 rows short.
    const SecretRecord *record = m_model->recordAt(sourceRow);
    return record && m_query.matches(*record, m_model->validationState(record->name.toString()));
}

bool SecretFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const SecretRecord *a = m_model ? m_model->recordAt(left.row()) : nullptr;
    const SecretRecord *b = m_model ? m_model->recordAt(right.row()) : nullptr;
    if (!a || !b)
        return QSortFilterProxyModel::lessThan(left, right);
    const QString &nameA = a->name.toString();
    const QString &nameB = b->name.toString();
    const auto byName = [&] {
        return nameA.compare(nameB, Qt::CaseInsensitive) < 0;
    };
    switch (left.column()) {
    case SecretTableModel::KindColumn:
        if (const int order = a->kind.compare(b->kind, Qt::CaseInsensitive); order != 0)
            return order < 0;
        return byName();
    case SecretTableModel::ValidationColumn: {
        const ValidationState stateA = m_model->validationState(nameA);
        const ValidationState stateB = m_model->validationState(nameB);
        return stateA != stateB ? stateA < stateB : byName();
    }
    case SecretTableModel::TargetColumn:
        return a->target != b->target ? a->target < b->target : byName();
    case SecretTableModel::UpdatedColumn:
        return a->updated != b->updated ? a->updated < b->updated : byName();
    default:
        return byName();
    }
}

} // namespace secretdesk
