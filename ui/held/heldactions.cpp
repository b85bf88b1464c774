#include "ui/held/heldactions.h"

#include <QAction>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

HeldActions::HeldActions(QWidget *table, QWidget *page)
    : QObject(page)
    , m_reportMenu(new QMenu(tr("Report (deprecated)"), page))
    , m_moreMenu(new QMenu(tr("More"), page))
    , m_marksMenu(new QMenu(tr("&Mark"), page))
{
    QStyle *style = page->style();
    make(Release, u"releaseAction"_s, tr("&Release"), table)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    get(Release)->setIcon(style->standardIcon(QStyle::SP_DialogApplyButton));
    get(Release)->setToolTip(tr("Deliver the selected messages to their recipients"));
    make(ReleaseSandbox, u"releaseSandboxAction"_s, tr("Release to &sandbox"), table)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    get(ReleaseSandbox)
        ->setToolTip(tr("Release through Mimecast's sandbox, which detonates "
                        "attachments and links first"));
    make(Reject, u"rejectAction"_s, tr("Re&ject…"), table)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_J), QKeySequence(Qt::Key_Delete)});
    get(Reject)->setIcon(style->standardIcon(QStyle::SP_DialogCancelButton));
    get(Reject)->setToolTip(tr("Reject the selected messages: they are not delivered"));
    make(ReleasePermit, u"releasePermitAction"_s, tr("Release && &permit sender"), table)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    get(ReleasePermit)
        ->setToolTip(tr("Release, then permit each sender for its recipient "
                        "(two audited actions)"));
    make(RejectBlock, u"rejectBlockAction"_s, tr("Reject && &block sender…"), table)
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    get(RejectBlock)
        ->setToolTip(tr("Reject, then block each sender for its recipient "
                        "(two audited actions)"));

    m_actions[Report] = m_reportMenu->menuAction();
    get(Report)->setObjectName(u"reportAction"_s);
    get(Report)->setToolTip(tr("Mimecast has deprecated report-message; prefer Reject"));
    m_moreMenu->menuAction()->setObjectName(u"heldMoreAction"_s);
    m_moreMenu->menuAction()->setToolTip(tr("Release to sandbox, report"));
    make(ReportSpam, u"reportSpamAction"_s, tr("As spam"), table);
    make(ReportPhishing, u"reportPhishingAction"_s, tr("As phishing"), table);
    make(ReportMalware, u"reportMalwareAction"_s, tr("As malware"), table);
    m_reportMenu->addActions({get(ReportPhishing), get(ReportSpam), get(ReportMalware)});

    make(CopyId, u"copyIdAction"_s, tr("Copy &id"), table)->setShortcut(QKeySequence::Copy);
    make(CopySender, u"copySenderAction"_s, tr("Copy s&ender"), table);
    make(CopySubject, u"copySubjectAction"_s, tr("Copy su&bject"), table);
    make(CopyDetails, u"copyDetailsAction"_s, tr("Copy &details"), table);
    make(SearchArchive, u"searchArchiveSenderAction"_s, tr("Search &archive for this sender"),
         table);
    make(BlockSender, u"blockSenderAction"_s, tr("Block this sender…"), table);
    get(BlockSender)->setToolTip(tr("Open the sender lists with this sender and recipient"));
    make(ShowFromSender, u"showFromSenderAction"_s, tr("Show &held from this sender"), table);
    make(FindEveryCopy, u"findEveryCopyAction"_s, tr("&Find every copy"), table)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    get(FindEveryCopy)
        ->setToolTip(tr("Who else received this message, and was it delivered? Opens "
                        "Investigate with its Message-ID"));
    make(WhoClicked, u"whoClickedAction"_s, tr("&Who clicked this?"), table);
    get(WhoClicked)
        ->setToolTip(tr("Who clicked the links in this message? Opens the click log filtered to "
                        "its Message-ID"));
    // Single keys, like a mail client's: they act while the table has focus, never while
    // typing in a field. Each marks the selection and moves on to the next message.
    make(MarkRelease, u"markReleaseAction"_s, tr("Mark to &release"), table)
        ->setShortcut(QKeySequence(Qt::Key_R));
    make(MarkSandbox, u"markSandboxAction"_s, tr("Mark to release to &sandbox"), table)
        ->setShortcut(QKeySequence(Qt::Key_S));
    make(MarkReleasePermit, u"markReleasePermitAction"_s, tr("Mark to release && &permit"), table)
        ->setShortcut(QKeySequence(Qt::Key_P));
    make(MarkReject, u"markRejectAction"_s, tr("Mark to re&ject"), table)
        ->setShortcut(QKeySequence(Qt::Key_X));
    make(MarkRejectBlock, u"markRejectBlockAction"_s, tr("Mark to reject && &block"), table)
        ->setShortcut(QKeySequence(Qt::Key_B));
    make(ClearMark, u"clearMarkAction"_s, tr("&Clear mark"), table)
        ->setShortcuts({QKeySequence(Qt::Key_U), QKeySequence(Qt::Key_Backspace)});
    for (Id id : {MarkRelease, MarkSandbox, MarkReleasePermit, MarkReject, MarkRejectBlock})
        get(id)->setToolTip(tr("Mark the selected messages; nothing is sent until you apply "
                               "the marks"));
    make(ApplyMarks, u"applyMarksAction"_s, tr("&Apply marks…"), page)
        ->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    get(ApplyMarks)->setIcon(style->standardIcon(QStyle::SP_DialogApplyButton));
    make(ClearAllMarks, u"clearAllMarksAction"_s, tr("Clear all marks"), page)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    make(NextMessage, u"nextMessageAction"_s, tr("&Next message"), table)
        ->setShortcut(QKeySequence(Qt::Key_J));
    make(PreviousMessage, u"previousMessageAction"_s, tr("Pre&vious message"), table)
        ->setShortcut(QKeySequence(Qt::Key_K));
    make(ShowOutcomes, u"showOutcomesAction"_s, tr("Show &outcomes"), page)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    get(ShowOutcomes)->setToolTip(tr("The outcome of every item of the last action"));
    get(ShowOutcomes)->setEnabled(false);
    m_marksMenu->menuAction()->setObjectName(u"marksMenuAction"_s);
    m_marksMenu->addActions({get(MarkRelease), get(MarkSandbox), get(MarkReleasePermit),
                             get(MarkReject), get(MarkRejectBlock), get(ClearMark)});
    m_marksMenu->addSeparator();
    m_marksMenu->addActions({get(ApplyMarks), get(ClearAllMarks)});
    make(Export, u"exportHeldAction"_s, tr("E&xport view to CSV…"), page)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    get(Export)->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    get(Export)->setToolTip(tr("Save the rows and columns shown to a CSV file"));
    make(FocusFilter, u"focusHeldFilterAction"_s, tr("Filter loaded rows"), page)
        ->setShortcut(QKeySequence::Find);

    // The window owns F5 (a second QAction with it would make the key ambiguous): the text after
    // the tab is how menus show a shortcut without registering one.
    make(Refresh, u"refreshHeldAction"_s,
         tr("Re&fresh") + u'\t' +
             QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText),
         page);
    get(Refresh)->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    m_moreMenu->addAction(get(ReleaseSandbox));
    m_moreMenu->addAction(get(Report));
    for (QAction *action : std::as_const(m_actions))
        if (!action->shortcut().isEmpty())
            action->setToolTip(
                action->toolTip().isEmpty()
                    ? action->shortcut().toString(QKeySequence::NativeText)
                    : tr("%1 (%2)").arg(action->toolTip(),
                                        action->shortcut().toString(QKeySequence::NativeText)));
}

QAction *HeldActions::make(Id id, const QString &name, const QString &text, QWidget *owner)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setShortcutVisibleInContextMenu(true);
    owner->addAction(action);
    m_actions[id] = action;
    return action;
}

void HeldActions::update(int selected, bool busy, bool connected)
{
    const bool canWrite = selected > 0 && !busy && connected;
    for (Id id : {Release, ReleaseSandbox, Reject, ReleasePermit, RejectBlock, Report, ReportSpam,
                  ReportPhishing, ReportMalware})
        get(id)->setEnabled(canWrite);
    m_reportMenu->setEnabled(canWrite);
    for (Id id : {CopyId, CopySender, CopySubject})
        get(id)->setEnabled(selected > 0);
    for (Id id :
         {CopyDetails, SearchArchive, BlockSender, ShowFromSender, FindEveryCopy, WhoClicked})
        get(id)->setEnabled(selected == 1);
    for (Id id : {MarkRelease, MarkSandbox, MarkReleasePermit, MarkReject, MarkRejectBlock,
                  ClearMark, NextMessage, PreviousMessage})
        get(id)->setEnabled(true); // they act on the current message when none is selected
    const QString count = selected > 1 ? tr(" (%1)").arg(selected) : QString();
    get(Release)->setText(tr("&Release") + count);
    get(Reject)->setText(tr("Re&ject%1…").arg(count));
}

void HeldActions::updateMarks(const QString &summary, bool busy, bool connected)
{
    get(ApplyMarks)->setEnabled(!summary.isEmpty() && !busy && connected);
    get(ClearAllMarks)->setEnabled(!summary.isEmpty());
    const QString keys = get(ApplyMarks)->shortcut().toString(QKeySequence::NativeText);
    get(ApplyMarks)
        ->setToolTip(summary.isEmpty() ? tr("Send every mark, after one confirmation (%1). Mark "
                                            "messages with R, S, P, X or B first.")
                                             .arg(keys)
                                       : tr("Send every mark: %1 (%2)").arg(summary, keys));
}

HeldActions::Id HeldActions::markId(HeldAction action)
{
    switch (action) {
    case HeldAction::Release:
        return MarkRelease;
    case HeldAction::ReleaseToSandbox:
        return MarkSandbox;
    case HeldAction::ReleaseAndPermit:
        return MarkReleasePermit;
    case HeldAction::Reject:
        return MarkReject;
    case HeldAction::RejectAndBlock:
    case HeldAction::Report:
        break;
    }
    return MarkRejectBlock;
}

QMenu *HeldActions::contextMenu(QWidget *parent) const
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(u"heldContextMenu"_s);
    menu->addActions({get(Release), get(ReleaseSandbox), get(Reject)});
    menu->addSeparator();
    menu->addActions({get(ReleasePermit), get(RejectBlock)});
    menu->addSeparator();
    menu->addAction(get(Report));
    menu->addSeparator();
    menu->addAction(m_marksMenu->menuAction());
    menu->addActions({get(ApplyMarks), get(ShowOutcomes)});
    menu->addSeparator();
    menu->addActions({get(CopyId), get(CopySender), get(CopySubject), get(CopyDetails)});
    menu->addSeparator();
    menu->addActions({get(FindEveryCopy), get(WhoClicked), get(ShowFromSender), get(SearchArchive),
                      get(BlockSender)});
    menu->addSeparator();
    menu->addActions({get(Export), get(Refresh)});
    return menu;
}

QToolBar *HeldActions::makeToolBar(QWidget *parent, QWidget *marksSummary) const
{
    auto *toolBar = new QToolBar(parent);
    toolBar->setObjectName(u"heldToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->addAction(get(Release));
    toolBar->addAction(get(Reject));
    toolBar->addSeparator();
    toolBar->addAction(get(ReleasePermit));
    toolBar->addAction(get(RejectBlock));
    toolBar->addSeparator();
    toolBar->addAction(m_moreMenu->menuAction());
    toolBar->addSeparator();
    toolBar->addAction(get(ApplyMarks));
    toolBar->addWidget(marksSummary);
    if (auto *more =
            qobject_cast<QToolButton *>(toolBar->widgetForAction(m_moreMenu->menuAction())))
        more->setPopupMode(QToolButton::InstantPopup);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(get(Export));
    return toolBar;
}

} // namespace mcdesk::ui
