#include "ui/activity/activitypage.h"

#include "core/audit/auditexport.h"
#include "ui/common/widgets.h"

#include "ui/activity/activityfilterbar.h"
#include "ui/activity/auditfiltermodel.h"
#include "ui/activity/auditmodel.h"
#include "ui/activity/networklogmodel.h"
#include "ui/common/dialogs.h"
#include "ui/common/uilogging.h"
#include "ui/shell/session.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
// The shared table, eliding in the middle: paths and ids keep both their ends.
QTableView *makeTable(const QString &name, QWidget *parent)
{
    QTableView *table = widgets::makeTable(name, parent);
    table->setTextElideMode(Qt::ElideMiddle);
    return table;
}

} // namespace

ActivityPage::ActivityPage(Session *session, QWidget *parent)
    : Page(session, u"page_activity"_s, parent)
    , m_model(new AuditModel(this))
    , m_filter(new AuditFilterModel(this))
    , m_filterBar(new ActivityFilterBar(this))
    , m_auditStack(new QStackedWidget(this))
    , m_auditTable(makeTable(u"activityTable"_s, this))
    , m_emptyLabel(
          widgets::stateLabel(u"activityEmpty"_s,
                              tr("No actions recorded yet.\nReleases, rejections, reports and "
                                 "sender changes appear here with their case, alert group and "
                                 "the outcome of every item."),
                              this))
    , m_loadingLabel(widgets::stateLabel(u"activityLoading"_s, tr("Reading the audit log…"), this))
    , m_errorLabel(widgets::stateLabel(u"activityError"_s, {}, this))
    , m_networkTable(makeTable(u"networkLogTable"_s, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_filter->setSourceModel(m_model);
    m_auditTable->setModel(m_filter);
    m_auditTable->setTextElideMode(Qt::ElideRight);
    m_auditTable->setSortingEnabled(true);
    m_auditTable->sortByColumn(AuditModel::Time, Qt::DescendingOrder);
    // Room for typical content in the current font, so nothing important is elided.
    const auto width = [this](const QString &sample) {
        return fontMetrics().horizontalAdvance(sample) + fontMetrics().averageCharWidth() * 3;
    };
    QHeaderView *header = m_auditTable->horizontalHeader();
    header->resizeSection(AuditModel::Time, width(u"2026-12-31 23:59:59"_s));
    header->resizeSection(AuditModel::User, width(u"analyst01"_s));
    header->resizeSection(AuditModel::Profile, width(u"Production (EU)"_s));
    header->resizeSection(AuditModel::Action, width(u"release-message"_s));
    header->resizeSection(AuditModel::Case, width(u"INC-2026-00042"_s));
    header->resizeSection(AuditModel::AlertGroup, width(u"AG-1001, AG-1002"_s));
    header->resizeSection(AuditModel::Items, width(u"25 (20 done, 5 unknown)"_s));
    m_errorLabel->setForegroundRole(QPalette::WindowText);

    m_auditStack->setObjectName(u"activityAuditState"_s);
    for (QWidget *w :
         {static_cast<QWidget *>(m_auditTable), static_cast<QWidget *>(m_emptyLabel),
          static_cast<QWidget *>(m_loadingLabel), static_cast<QWidget *>(m_errorLabel)})
        m_auditStack->addWidget(w);

    m_networkTable->setModel(session->networkLog());
    QHeaderView *networkHeader = m_networkTable->horizontalHeader();
    networkHeader->resizeSection(NetworkLogModel::Time, width(u"23:59:59.999"_s));
    networkHeader->resizeSection(NetworkLogModel::Method, width(u"POST"_s));
    networkHeader->resizeSection(NetworkLogModel::Path,
                                 width(u"/api/gateway/get-hold-message-list"_s));
    networkHeader->resizeSection(NetworkLogModel::Status, width(u"no reply"_s));
    networkHeader->resizeSection(NetworkLogModel::Duration, width(u"30000 ms"_s));
    networkHeader->resizeSection(NetworkLogModel::RequestId,
                                 width(u"8578FCFC-A305-4D9A-99CB-F4D5ECEFE297"_s));
    // Follow new requests while the analyst is looking at the newest ones.
    connect(session->networkLog(), &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_networkTable->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 1)
            QMetaObject::invokeMethod(m_networkTable, &QTableView::scrollToBottom,
                                      Qt::QueuedConnection);
    });

    auto *auditPane = new QWidget(m_splitter);
    auto *auditLayout = new QVBoxLayout(auditPane);
    auditLayout->setContentsMargins(0, 0, 0, 0);
    m_filterBar->setLogPath(session->auditTrail()->path());
    auditLayout->addWidget(m_filterBar);
    auditLayout->addWidget(m_auditStack, 1);

    auto *networkPane = new QWidget(m_splitter);
    auto *networkLayout = new QVBoxLayout(networkPane);
    networkLayout->setContentsMargins(0, 0, 0, 0);
    networkLayout->addWidget(widgets::sectionTitle(tr("Network log (this session)"), networkPane));
    networkLayout->addWidget(m_networkTable, 1);

    m_splitter->setObjectName(u"activitySplitter"_s);
    m_splitter->addWidget(auditPane);
    m_splitter->addWidget(networkPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    connect(m_filterBar, &ActivityFilterBar::filterChanged, this, &ActivityPage::applyFilter);
    connect(m_filterBar, &ActivityFilterBar::reloadRequested, this, &ActivityPage::reload);
    connect(m_filterBar, &ActivityFilterBar::exportRequested, this, &ActivityPage::exportRequested);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updateState);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ActivityPage::updateState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ActivityPage::updateState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ActivityPage::updateState);
    // Each entry the trail writes becomes a row; the file is read only on Reload. A read
    // comes back after the appends queued before it, so no entry is missed or shown twice.
    connect(session->auditTrail(), &audit::AuditTrail::appended, this,
            [this](const audit::AuditEntry &entry) {
                if (!m_loadedOnce)
                    return; // the first read, still on its way, will hold it
                m_model->appendEntry(entry);
                updateState();
            });

    updateState();
    reload();
}

QString ActivityPage::title() const
{
    return tr("Activity");
}

void ActivityPage::reload()
{
    m_loading = true;
    updateState();
    // The trail reads off the GUI thread, in order with its writes; replies arrive in the
    // order asked, so the last Reload's answer is the one left showing.
    session()->auditTrail()->read(
        this, [this](QList<audit::AuditEntry> entries, const QString &error) {
            m_loading = false;
            m_loadedOnce = true;
            m_loadError = error;
            if (!m_loadError.isEmpty())
                session()->reportError(tr("The audit log could not be read."), m_loadError);
            m_model->setEntries(std::move(entries));
            updateState();
            emit loaded();
        });
}

void ActivityPage::applyFilter()
{
    m_filter->setCaseFilter(m_filterBar->caseText());
    m_filter->setActionFilter(m_filterBar->action());
    m_filter->setDateRange(m_filterBar->from(), m_filterBar->to());
    updateState();
}

void ActivityPage::updateState()
{
    const int total = m_model->rowCount();
    if (m_loadedOnce)
        m_filterBar->setCount(m_filter->rowCount(), total);
    m_filterBar->setExportEnabled(m_filter->rowCount() > 0);
    QWidget *current = m_auditTable;
    if (!m_loadError.isEmpty() && total == 0) {
        m_errorLabel->setText(tr("The audit log could not be read:\n%1\n\nMake sure the file "
                                 "is readable by your account, then choose Reload.")
                                  .arg(m_loadError));
        current = m_errorLabel;
    } else if (!m_loadedOnce) {
        current = m_loadingLabel;
    } else if (total == 0) {
        current = m_emptyLabel;
    }
    m_auditStack->setCurrentWidget(current);
}

void ActivityPage::exportRequested()
{
    const QString suggested = QDir::home().filePath(
        u"mcdesk-activity-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        dialogs::saveFileName(this, {tr("Export activity"), suggested, tr("CSV files (*.csv)"),
                                     u"activityExportDialog"_s});
    if (!path.isEmpty())
        exportTo(path);
}

bool ActivityPage::exportTo(const QString &path)
{
    QList<audit::AuditEntry> rows;
    rows.reserve(m_filter->rowCount());
    for (int r = 0; r < m_filter->rowCount(); ++r)
        rows.append(m_model->entry(m_filter->mapToSource(m_filter->index(r, 0)).row()));
    QString error;
    if (!audit::csv::write(path, rows, &error)) {
        session()->reportError(
            tr("The activity could not be exported to %1.").arg(QDir::toNativeSeparators(path)),
            error);
        return false;
    }
    qCInfo(lcUiActivity) << "exported" << rows.size() << "audit rows";
    session()->showStatus(
        tr("Exported to %1 (rows: %2)").arg(QDir::toNativeSeparators(path)).arg(rows.size()));
    return true;
}

void ActivityPage::saveLayout(QSettings &settings) const
{
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"auditHeader"_s, m_auditTable->horizontalHeader()->saveState());
    settings.setValue(u"networkHeader"_s, m_networkTable->horizontalHeader()->saveState());
}

void ActivityPage::restoreLayout(QSettings &settings)
{
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_auditTable->horizontalHeader()->restoreState(settings.value(u"auditHeader"_s).toByteArray());
    m_networkTable->horizontalHeader()->restoreState(
        settings.value(u"networkHeader"_s).toByteArray());
}

} // namespace mcdesk::ui
