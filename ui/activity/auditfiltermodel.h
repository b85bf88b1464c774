#pragma once

#include <QDate>
#include <QSortFilterProxyModel>

namespace mcdesk::ui {

// Narrows the audit table by case (substring, any case), action (exact name) and a range of
// local calendar days (both ends included); sorts by AuditModel::SortRole so time sorts as
// time and item counts as numbers.
class AuditFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AuditFilterModel(QObject *parent = nullptr);

    void setCaseFilter(const QString &text);
    void setActionFilter(const QString &action);           // empty = every action
    void setDateRange(const QDate &from, const QDate &to); // invalid end = open

    QString caseFilter() const { return m_case; }
    QString actionFilter() const { return m_action; }
    QDate fromDate() const { return m_from; }
    QDate toDate() const { return m_to; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_case;
    QString m_action;
    QDate m_from;
    QDate m_to;
};

} // namespace mcdesk::ui
