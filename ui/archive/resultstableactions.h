#pragma once

#include <QObject>

class QAction;
class QMenu;
class QPoint;
class QTableView;

namespace mcdesk::ui {

class ArchiveResultsFilter;
class ArchiveResultsModel;

// The results grid's copy shortcuts and context menu: copy the cell (Ctrl+C) or the selected
// rows as tab-separated text (Ctrl+Shift+C), and hand the row's sender to the other pages
// (block it, show its held messages, search the archive for it).
class ResultsTableActions : public QObject
{
    Q_OBJECT
public:
    ResultsTableActions(QTableView *table, ArchiveResultsFilter *filter, ArchiveResultsModel *model,
                        QObject *parent = nullptr);

    QString currentCellText() const;
    QString
    selectedRowsText() const;      // one line per row, cells tab-separated, columns in view order
    QString currentSender() const; // displayfromaddress of the current row
    QString currentRecipient() const; // its first recipient address

    QAction *copyCellAction() const { return m_copyCell; }
    QAction *copyRowsAction() const { return m_copyRows; }
    QMenu *contextMenu(); // built for the current row; also what right-click shows

signals:
    void blockSenderRequested(const QString &sender, const QString &recipient);
    void showHeldFromSenderRequested(const QString &address);
    void searchSenderRequested(const QString &address);
    void findEveryCopyRequested(const QString &sender, const QString &subject);

private:
    QList<int> selectedSourceRows() const;
    int currentSourceRow() const;
    void showMenu(const QPoint &pos);

    QTableView *m_table;
    ArchiveResultsFilter *m_filter;
    ArchiveResultsModel *m_model;
    QAction *m_copyCell;
    QAction *m_copyRows;
    QAction *m_findCopy;
    QMenu *m_menu = nullptr;
};

} // namespace mcdesk::ui
