#pragma once

#include "ui/held/heldactionjob.h"

#include <QObject>

#include <array>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace mcdesk::ui {

// The held queue's actions with their shortcuts, icons and objectNames, shared by the page's
// toolbar and the table's context menu (so the shortcuts show in both). The selection actions
// live on the table (they fire while it has focus, never while typing in a filter field).
class HeldActions : public QObject
{
    Q_OBJECT
public:
    enum Id {
        Release,
        ReleaseSandbox,
        Reject,
        ReleasePermit,
        RejectBlock,
        Report, // a submenu: the deprecated report-message, as spam, phishing or malware
        ReportSpam,
        ReportPhishing,
        ReportMalware,
        CopyId,
        CopySender,
        CopySubject,
        CopyDetails,
        SearchArchive,
        BlockSender,
        ShowFromSender,
        FindEveryCopy,
        WhoClicked,
        // Mark, then apply: one key marks the selected messages and moves to the next.
        MarkRelease,
        MarkSandbox,
        MarkReleasePermit,
        MarkReject,
        MarkRejectBlock,
        ClearMark,
        ApplyMarks,
        ClearAllMarks,
        NextMessage,     // J, as Down
        PreviousMessage, // K, as Up
        ShowOutcomes,    // the outcome list of the last action, when it did not open by itself
        Export,
        FocusFilter,
        Refresh, // F5 belongs to the window; the menu only shows it
        Count
    };

    HeldActions(QWidget *table, QWidget *page);

    QAction *get(Id id) const { return m_actions.at(id); }
    // Enables what fits `selected` messages (and nothing that writes while `busy`).
    void update(int selected, bool busy, bool connected);
    // The Apply marks action names what it will send ("Apply marks: 12 to release, …").
    void updateMarks(const QString &summary, bool busy, bool connected);
    // The mark action for `id`'s HeldAction, and back.
    static Id markId(HeldAction action);
    QMenu *marksMenu() const { return m_marksMenu; }
    QMenu *contextMenu(QWidget *parent) const;
    // `marksSummary` sits beside Apply marks.
    QToolBar *makeToolBar(QWidget *parent, QWidget *marksSummary) const;

private:
    QAction *make(Id id, const QString &name, const QString &text, QWidget *owner);

    std::array<QAction *, Count> m_actions{};
    QMenu *m_reportMenu;
    QMenu *m_moreMenu;
    QMenu *m_marksMenu;
};

} // namespace mcdesk::ui
