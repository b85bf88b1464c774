#include "placeholderpage.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

PlaceholderPage::PlaceholderPage(Session *session, const Content &content, QWidget *parent)
    : Page(session, content.objectName, parent)
    , m_content(content)
{
    auto *column = new QWidget(this);
    column->setMaximumWidth(fontMetrics().averageCharWidth() * 90);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(layout->spacing() * 2);

    auto *heading = plainLabel(content.title, column);
    heading->setObjectName(u"placeholderTitle"_s);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    heading->setFont(big);
    layout->addWidget(heading);

    auto *arrives = plainLabel(content.arrives, column);
    arrives->setObjectName(u"placeholderArrives"_s);
    arrives->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(arrives);

    auto *summary = plainLabel(content.summary, column);
    summary->setObjectName(u"placeholderSummary"_s);
    layout->addWidget(summary);

    QStringList bullets;
    for (const QString &feature : content.features)
        bullets << u"•  "_s + feature;
    auto *features = plainLabel(bullets.join(u'\n'), column);
    features->setObjectName(u"placeholderFeatures"_s);
    features->setIndent(fontMetrics().averageCharWidth() * 2);
    layout->addWidget(features);

    if (!content.meantime.isEmpty()) {
        auto *line = new QFrame(column);
        line->setFrameShape(QFrame::HLine);
        line->setFrameShadow(QFrame::Sunken);
        layout->addWidget(line);
        auto *meantime = plainLabel(content.meantime, column);
        meantime->setObjectName(u"placeholderMeantime"_s);
        layout->addWidget(meantime);
    }
    layout->addStretch(1);

    // Up to a comfortable reading width, then the rest of the page stays empty on the right.
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *outer = new QHBoxLayout(this);
    const int margin = fontMetrics().height() * 2;
    outer->setContentsMargins(margin, margin, margin, margin);
    outer->addWidget(column, 3);
    outer->addStretch(1);
}

PlaceholderPage::Content PlaceholderPage::heldQueue()
{
    return {u"page_held"_s,
            tr("Held queue"),
            tr("This page will hold the held-message queue: every message Mimecast is holding "
               "for review, to work through quickly and safely."),
            {tr("A table of held messages (received, from, to, subject, reason, policy, route, "
                "size, attachments) that fills in page by page"),
             tr("Filters by sender, recipient, subject, reason code, route and date, plus a "
                "quick local filter"),
             tr("A details pane with attachments and their SHA-256 hashes"),
             tr("Release, release to sandbox, reject and report on one or many messages, with "
                "per-message outcomes and Retry failed"),
             tr("A held summary per policy")},
            tr("Arrives with issue 5. Every action it runs is audited with the Case and Alert "
               "group from the toolbar and shows up on the Activity page."),
            tr("Meanwhile the command line does the same work: mcdesk-cli list-held, "
               "release-message, reject-message and held-summary (add --demo to try them on "
               "the simulator).")};
}

PlaceholderPage::Content PlaceholderPage::archiveSearch()
{
    return {u"page_archive"_s,
            tr("Archive search"),
            tr("This page will hold the simple archive search: find who else received a "
               "message, from whom and when, and put the result in the case file."),
            {tr("A form: fields to return, time frame (presets or a custom range shown in UTC), "
                "mailboxes, from, to, subject and a result limit"),
             tr("Show XML: the exact query that will be sent"),
             tr("Results in a sortable grid, exported to CSV"),
             tr("Open in builder, to refine the query visually")},
            tr("Arrives with issue 4."),
            tr("Meanwhile: mcdesk-cli simple-archive-search --from ADDRESS --time-frame \"Last "
               "24 Hours\" --csv FILE.")};
}

PlaceholderPage::Content PlaceholderPage::queryBuilder()
{
    return {u"page_builder"_s,
            tr("Query builder"),
            tr("This page will hold the visual builder for Mimecast's XML archive queries, and "
               "the advanced XML editor."),
            {tr("Conditions as form rows: text, from, to, subject, body, dates, attachments, "
                "route, mailboxes and return fields"),
             tr("A live XML preview that is always exactly what will be sent"),
             tr("Paste or open any XML query; parts the builder does not know are kept as "
                "written"),
             tr("Undo and redo, saved queries and recent queries"),
             tr("An XML editor that marks the line and column of an error before anything is "
                "sent")},
            tr("Arrives with issue 4."),
            tr("Meanwhile: mcdesk-cli advanced-archive-search --xml-query-file QUERY.xml.")};
}

PlaceholderPage::Content PlaceholderPage::senderLists()
{
    return {u"page_senders"_s,
            tr("Sender lists"),
            tr("This page will hold the permit and block lists you keep for your organisation."),
            {tr("Senders this app permitted or blocked (from the audit log), with the managed "
                "sender id Mimecast returned"),
             tr("Mimecast's blocked-sender policies, read from the account"),
             tr("Permit, block and remove, with addresses checked as you type")},
            tr("Arrives with issue 5. Every change is audited with the Case and Alert group from "
               "the toolbar."),
            tr("Meanwhile: mcdesk-cli permit-sender or block-sender --sender ADDRESS --recipient "
               "ADDRESS.")};
}

} // namespace mcdesk::ui
