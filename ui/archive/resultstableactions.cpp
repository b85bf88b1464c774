#include "ui/archive/resultstableactions.h"

#include "ui/archive/archiveresultsfilter.h"
#include "ui/archive/archiveresultsmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
// A cell copied as one line of tab-separated text must not break the line or the columns.
QString flat(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text;
}
} // namespace

ResultsTableActions::ResultsTableActions(QTableView *table, ArchiveResultsFilter *filter,
                                         ArchiveResultsModel *model, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_filter(filter)
    , m_model(model)
    , m_copyCell(new QAction(tr("Copy cell"), table))
    , m_copyRows(new QAction(tr("Copy rows"), table))
    , m_findCopy(new QAction(tr("Find every copy"), table))
{
    m_findCopy->setObjectName(u"findEveryCopy"_s);
    m_findCopy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_findCopy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_findCopy->setShortcutVisibleInContextMenu(true);
    m_findCopy->setToolTip(tr("Who else received this message, and was it delivered?"));
    table->addAction(m_findCopy);
    connect(m_findCopy, &QAction::triggered, this, [this] {
        if (currentSourceRow() >= 0)
            emit findEveryCopyRequested(currentSender(),
                                        m_model->value(currentSourceRow(), u"subject"_s));
    });
    m_copyCell->setObjectName(u"copyCell"_s);
    m_copyCell->setShortcut(QKeySequence::Copy);
    m_copyCell->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyRows->setObjectName(u"copyRows"_s);
    m_copyRows->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    table->addAction(m_copyCell);
    table->addAction(m_copyRows);
    connect(m_copyCell, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(currentCellText()); });
    connect(m_copyRows, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(selectedRowsText()); });
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, &ResultsTableActions::showMenu);
}

int ResultsTableActions::currentSourceRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_filter->mapToSource(current).row() : -1;
}

QList<int> ResultsTableActions::selectedSourceRows() const
{
    QList<int> proxyRows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        proxyRows << index.row();
    std::sort(proxyRows.begin(), proxyRows.end()); // in the order shown
    QList<int> rows;
    for (int r : proxyRows)
        rows << m_filter->mapToSource(m_filter->index(r, 0)).row();
    return rows;
}

QString ResultsTableActions::currentCellText() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return {};
    const QModelIndex source = m_filter->mapToSource(current);
    return m_model->cell(source.row(), source.column());
}

QString ResultsTableActions::selectedRowsText() const
{
    QList<int> columns; // visible columns, in the order the analyst arranged them
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    for (int row : selectedSourceRows()) {
        QStringList cells;
        for (int c : columns)
            cells << flat(m_model->cell(row, c));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n');
}

QString ResultsTableActions::currentSender() const
{
    return m_model->value(currentSourceRow(), u"displayfromaddress"_s);
}

QString ResultsTableActions::currentRecipient() const
{
    const int row = currentSourceRow();
    return row < 0 ? QString() : m_model->recipients(row).value(0);
}

QMenu *ResultsTableActions::contextMenu()
{
    if (m_menu)
        m_menu->deleteLater();
    m_menu = new QMenu(m_table);
    m_menu->setObjectName(u"archiveResultsMenu"_s);
    m_menu->addAction(m_copyCell);
    m_menu->addAction(m_copyRows);
    m_copyCell->setEnabled(m_table->currentIndex().isValid());
    m_copyRows->setEnabled(m_table->selectionModel()->hasSelection());
    m_menu->addSeparator();

    const QString sender = currentSender();
    const QString recipient = currentRecipient();
    const QString shown = sender.isEmpty() ? tr("this sender") : sender;
    m_findCopy->setEnabled(m_table->currentIndex().isValid());
    m_menu->addAction(m_findCopy);
    QAction *block = m_menu->addAction(tr("Block this sender (%1)…").arg(shown));
    block->setObjectName(u"blockSender"_s);
    QAction *held = m_menu->addAction(tr("Show held messages from this sender"));
    held->setObjectName(u"showHeldFromSender"_s);
    QAction *search = m_menu->addAction(tr("Search the archive for this sender"));
    search->setObjectName(u"searchSender"_s);
    for (QAction *a : {block, held, search}) {
        a->setEnabled(!sender.isEmpty());
        if (sender.isEmpty())
            a->setToolTip(
                tr("The query did not return the sender's address (displayfromaddress)."));
    }
    connect(block, &QAction::triggered, this,
            [this, sender, recipient] { emit blockSenderRequested(sender, recipient); });
    connect(held, &QAction::triggered, this,
            [this, sender] { emit showHeldFromSenderRequested(sender); });
    connect(search, &QAction::triggered, this,
            [this, sender] { emit searchSenderRequested(sender); });
    return m_menu;
}

void ResultsTableActions::showMenu(const QPoint &pos)
{
    if (!m_table->indexAt(pos).isValid())
        return;
    contextMenu()->popup(m_table->viewport()->mapToGlobal(pos));
}

} // namespace mcdesk::ui
