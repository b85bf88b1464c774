#include "ui/held/heldtableview.h"

#include "ui/held/heldmessagemodel.h"

#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

HeldTableView::HeldTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(u"heldTable"_s);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table for the details (the arrows, J and K move between messages).
    setTabKeyNavigation(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Right-click to choose the columns"));
    connect(header, &QHeaderView::customContextMenuRequested, this, &HeldTableView::showHeaderMenu);
}

void HeldTableView::applyDefaultColumns()
{
    // Room for typical content in the current font (plus the sort arrow), so the columns that
    // matter for triage are not elided at first sight; the analyst resizes, the page keeps it.
    const QList<std::pair<int, QString>> samples{
        {HeldMessageModel::Received, u"2026-12-31 23:59"_s},
        {HeldMessageModel::From, u"Amazon Web Services"_s},
        {HeldMessageModel::EnvelopeFrom, u"bounce-4431@mailer.example.com"_s},
        {HeldMessageModel::To, u"jose.alvarez@demo.example"_s},
        {HeldMessageModel::Subject, u"Your parcel 2483 could not be delivered"_s},
        {HeldMessageModel::Reason, u"Attachment Management policy"_s},
        {HeldMessageModel::Policy, u"Hold Executable Attachments"_s},
        {HeldMessageModel::Route, u"Outbound"_s},
        {HeldMessageModel::Size, u"58.2 MB"_s},
        {HeldMessageModel::Attachments, u"Attachments"_s},
        {HeldMessageModel::Id, u"eNpum_uPujq_Nukz0PgYCXq79HB4"_s},
        {HeldMessageModel::Mark, u"Release & permit"_s}};
    const int padding = fontMetrics().averageCharWidth() * 3 + 12;
    QHeaderView *header = horizontalHeader();
    for (const auto &[column, sample] : samples)
        header->resizeSection(column, fontMetrics().horizontalAdvance(sample) + padding);
    header->hideSection(HeldMessageModel::EnvelopeFrom);
    header->hideSection(HeldMessageModel::Id);
    // The decision comes first, beside what it is about.
    header->moveSection(header->visualIndex(HeldMessageModel::Mark), 0);
    sortByColumn(HeldMessageModel::Received, Qt::DescendingOrder);
}

void HeldTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (!model)
        return;
    const auto changed = [this] {
        m_otherChange = true;
    };
    connect(model, &QAbstractItemModel::modelReset, this, changed);
    connect(model, &QAbstractItemModel::layoutChanged, this, changed);
    connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(model, &QAbstractItemModel::rowsMoved, this, changed);
    connect(model, &QAbstractItemModel::columnsInserted, this, changed);
    connect(model, &QAbstractItemModel::columnsRemoved, this, changed);
}

void HeldTableView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    // Pages of the queue arrive newest first while the analyst looks at the top, so new rows
    // land below what is on screen. Noting that spares a repaint of the whole table per page,
    // the largest cost on the GUI thread while thousands of rows load.
    const int lastVisible = rowAt(viewport()->height() - 1);
    if (!parent.isValid() && lastVisible >= 0 && start > lastVisible)
        m_insertedBelowFold = true;
    else
        m_otherChange = true;
    QTableView::rowsInserted(parent, start, end);
}

void HeldTableView::doItemsLayout()
{
    const bool onlyBelowFold = m_insertedBelowFold && !m_otherChange;
    m_insertedBelowFold = false;
    m_otherChange = false;
    if (!onlyBelowFold)
        return QTableView::doItemsLayout();
    // The base updates the scroll range and then repaints the whole viewport, although nothing
    // visible changed. The attribute suppresses that repaint (unlike setUpdatesEnabled(true),
    // clearing it schedules none); the scroll bar still repaints itself.
    const bool wasDisabled = viewport()->testAttribute(Qt::WA_UpdatesDisabled);
    viewport()->setAttribute(Qt::WA_UpdatesDisabled, true);
    QTableView::doItemsLayout();
    viewport()->setAttribute(Qt::WA_UpdatesDisabled, wasDisabled);
}

void HeldTableView::rememberSelection()
{
    m_keepSelected.clear();
    for (const QModelIndex &index : selectionModel()->selectedRows())
        m_keepSelected.insert(index.data(HeldMessageModel::IdRole).toString());
    m_keepCurrent = currentIndex().data(HeldMessageModel::IdRole).toString();
}

void HeldTableView::forgetSelection()
{
    m_keepSelected.clear();
    m_keepCurrent.clear();
}

void HeldTableView::restoreSelection(int firstSourceRow, int lastSourceRow)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(model());
    if (!proxy || (m_keepSelected.isEmpty() && m_keepCurrent.isEmpty()))
        return;
    QItemSelection selection;
    for (int row = firstSourceRow; row <= lastSourceRow; ++row) {
        const QModelIndex index = proxy->mapFromSource(proxy->sourceModel()->index(row, 0));
        const QString id = index.data(HeldMessageModel::IdRole).toString();
        if (!index.isValid())
            continue;
        if (m_keepSelected.contains(id))
            selection.select(index, index);
        if (id == m_keepCurrent)
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
    if (!selection.isEmpty())
        selectionModel()->select(selection,
                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void HeldTableView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = horizontalHeader();
    auto *menu = new QMenu(this);
    menu->setObjectName(u"heldColumnsMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < model()->columnCount(); ++column) {
        QAction *action = menu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu->popup(header->mapToGlobal(pos));
}

} // namespace mcdesk::ui
