#pragma once

#include <QSortFilterProxyModel>

namespace mcdesk::ui {

class HeldMessageModel;

// The rows the analyst sees: the loaded page of the queue narrowed locally (no request) by a
// quick text filter over every column and by one policy (a bar of the summary chart), sorted
// by the clicked column on natural values (time, bytes).
class HeldFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HeldFilterModel(QObject *parent = nullptr);

    void setQuickFilter(const QString &text);
    QString quickFilter() const { return m_text; }
    // Empty = every policy.
    void setPolicyFilter(const QString &policy);
    QString policyFilter() const { return m_policy; }

signals:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    HeldMessageModel *heldModel() const;

    QString m_text;
    QString m_policy;
};

} // namespace mcdesk::ui
