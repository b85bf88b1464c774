#pragma once

#include "core/common/latestrequest.h"
#include "core/held/heldmessage.h"
#include "ui/held/triagemarks.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace mcdesk::ui {

// The held queue as a table, one row per held message in the order Mimecast sent them (the
// view sorts through a proxy). Pages are appended as they arrive; each query has a LatestRequest
// ticket so a page of an older, superseded query is dropped instead of mixing into the new one.
class HeldMessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Received,
        From,
        EnvelopeFrom,
        To,
        Subject,
        Reason,
        Policy,
        Route,
        Size,
        Attachments,
        Id,
        Mark, // the analyst's decision waiting to be applied; shown first (HeldTableView)
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // received as UTC ms, size in bytes, text otherwise
        ExportRole,              // what the CSV gets: UTC ISO time, bytes, full text
        IdRole,                  // the message id, through any proxy
        PolicyRole,
        MarkRole, // the marked HeldAction as int, or an invalid QVariant
    };

    explicit HeldMessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Empties the table for a new query and returns its ticket.
    common::LatestRequest::Ticket beginQuery();
    common::LatestRequest::Ticket currentQuery() const { return m_query.current(); }
    bool isCurrent(common::LatestRequest::Ticket query) const { return m_query.isCurrent(query); }
    // Appends a page of the query `query`; returns false (and changes nothing) for a page of a
    // query that has been superseded.
    bool appendPage(common::LatestRequest::Ticket query, const QList<held::HeldMessage> &messages);
    // Takes the messages with these ids out of the table (released or rejected); returns how
    // many rows left.
    int removeIds(const QSet<QString> &ids);

    // Mark, then apply (ui/held/triagemarks.h): marks are kept by id, so they survive a new
    // query; `action` nullopt clears. Marking emits marksChanged().
    void setMark(const QList<int> &rows, std::optional<HeldAction> action);
    void clearMarks(const QStringList &ids);
    const triage::Marks &marks() const { return m_marks; }
    // After a query: drops the marks of messages it did not bring back (they left the queue);
    // returns how many.
    int dropMarksNotLoaded();

    const held::HeldMessage &message(int row) const { return m_messages.at(row); }
    const QList<held::HeldMessage> &messages() const { return m_messages; }
    int rowOf(const QString &id) const;

signals:
    void marksChanged();

private:
    QVariant display(const held::HeldMessage &m, int column) const;
    QVariant toolTip(const held::HeldMessage &m, int column) const;
    QVariant sortValue(const held::HeldMessage &m, int column) const;

    QList<held::HeldMessage> m_messages;
    triage::Marks m_marks;
    common::LatestRequest m_query;
};

} // namespace mcdesk::ui
