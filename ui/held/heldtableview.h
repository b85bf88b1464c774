#pragma once

#include <QSet>
#include <QTableView>

namespace mcdesk::ui {

// The held queue's table: whole-row extended selection, sortable, movable columns sized for
// typical content, the envelope sender and id columns hidden until the analyst shows them
// from the header's context menu.
class HeldTableView : public QTableView
{
    Q_OBJECT
public:
    explicit HeldTableView(QWidget *parent = nullptr);
    // Sizes the columns and hides the optional ones; call after setModel().
    void applyDefaultColumns();

    // Keeps the analyst's place across a refresh: remembers the selected ids and the current
    // one, and selects them again as the rows of source model rows first..last come back.
    void rememberSelection();
    void restoreSelection(int firstSourceRow, int lastSourceRow);
    void forgetSelection();

    void setModel(QAbstractItemModel *model) override;

protected:
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void doItemsLayout() override;

private:
    void showHeaderMenu(const QPoint &pos);

    QSet<QString> m_keepSelected;
    QString m_keepCurrent;
    // Since the last layout: rows were inserted below what is on screen / anything else changed.
    bool m_insertedBelowFold = false;
    bool m_otherChange = false;
};

} // namespace mcdesk::ui
