#include "ui/threats/managedurlspanel.h"

#include "core/held/heldformat.h"
#include "ui/common/widgets.h"
#include "ui/shell/session.h"
#include "ui/threats/managedurlmodel.h"
#include "ui/threats/managedurlwriter.h"
#include "ui/threats/urlimportdialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using threats::ManagedUrl;
} // namespace

ManagedUrlsPanel::ManagedUrlsPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("Re&load"), this))
    , m_block(new QPushButton(tr("&Block a URL…"), this))
    , m_permit(new QPushButton(tr("&Permit a URL…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_status(new QLabel(this))
    , m_model(new ManagedUrlModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(widgets::makeTable(u"managedUrlsTable"_s, this))
    , m_writer(new ManagedUrlWriter(session, this))
    , m_deleteAction(new QAction(tr("&Delete…"), m_table))
{
    setObjectName(u"managedUrlsPanel"_s);
    m_filter->setObjectName(u"managedUrlsFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by URL, comment or id"));
    m_filter->setClearButtonEnabled(true);
    m_refresh->setObjectName(u"managedUrlsReload"_s);
    m_block->setObjectName(u"managedUrlsBlock"_s);
    m_permit->setObjectName(u"managedUrlsPermit"_s);
    m_delete->setObjectName(u"managedUrlsDelete"_s);
    m_import->setObjectName(u"managedUrlsImport"_s);
    m_import->setToolTip(tr("Block or permit many URLs from pasted lines or a CSV file"));
    m_status->setObjectName(u"managedUrlsStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setText(tr("URL Protect's blocked and permitted URLs, for everyone in the account."));
    m_deleteAction->setObjectName(u"managedUrlsDeleteAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_deleteAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ManagedUrlModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ManagedUrlModel::Url, Qt::AscendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setAccessibleName(tr("Managed URLs"));
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(ManagedUrlModel::Url,
                          widgets::columnWidth(this, u"https://login.microsoft-verify.example/"_s));
    header->resizeSection(ManagedUrlModel::Comment,
                          widgets::columnWidth(this, u"INC-1988 credential phish"_s));
    for (int column : {ManagedUrlModel::Action, ManagedUrlModel::Match, ManagedUrlModel::LogClicks,
                       ManagedUrlModel::Rewrite, ManagedUrlModel::Awareness})
        header->resizeSection(column, widgets::columnWidth(this, u"Awareness"_s));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_block);
    bar->addWidget(m_permit);
    bar->addWidget(m_import);
    bar->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_refresh, &QPushButton::clicked, this, &ManagedUrlsPanel::reload);
    connect(m_block, &QPushButton::clicked, this, [this] { m_writer->openDialog(QString()); });
    connect(m_permit, &QPushButton::clicked, this,
            [this] { m_writer->openDialog(QString(), ManagedUrl::Action::Permit); });
    connect(m_delete, &QPushButton::clicked, this, &ManagedUrlsPanel::deleteSelected);
    connect(m_deleteAction, &QAction::triggered, this, &ManagedUrlsPanel::deleteSelected);
    connect(m_import, &QPushButton::clicked, this, &ManagedUrlsPanel::openImport);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ManagedUrlsPanel::updateActions);
    connect(m_writer, &ManagedUrlWriter::busyChanged, this, &ManagedUrlsPanel::updateActions);
    connect(session, &Session::clientChanged, this, [this] {
        m_loaded = false;
        updateActions();
    });
    // A block from a click log, a permit here, an import: the list follows every write.
    connect(session, &Session::actionFinished, this, [this](actions::ActionId id) {
        if (actions::isManagedUrlWrite(id))
            reload();
    });
    updateActions();
}

void ManagedUrlsPanel::reload()
{
    const common::LatestRequest::Ticket ticket = m_list.next();
    actions::ActionRunner *runner =
        m_session->runAction(actions::ActionId::ListManagedUrls, actions::ActionArgs{});
    if (!runner) {
        m_status->setText(tr("Not listed: there is no working connection."));
        return;
    }
    m_status->setText(tr("Reading the managed URLs…"));
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ticket] {
        if (!m_list.isCurrent(ticket))
            return;
        const actions::ActionOutcome &outcome = runner->outcome();
        m_loaded = true;
        if (!outcome.success) {
            m_status->setText(tr("The managed URLs could not be read: %1").arg(outcome.message));
        } else {
            m_model->setEntries(outcome.managedUrls);
            int blocked = 0;
            for (const ManagedUrl &e : outcome.managedUrls)
                blocked += e.action == ManagedUrl::Action::Block ? 1 : 0;
            m_status->setText(
                tr("%1: %2 blocked, %3 permitted.")
                    .arg(heldformat::plural(int(outcome.managedUrls.size()), tr("1 managed URL"),
                                            tr("%1 managed URLs")))
                    .arg(blocked)
                    .arg(outcome.managedUrls.size() - blocked));
        }
        updateActions();
        emit loaded();
    });
}

void ManagedUrlsPanel::updateActions()
{
    const bool connected = m_session->client() != nullptr;
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    const bool canWrite = connected && !m_writer->isBusy();
    m_block->setEnabled(canWrite);
    m_permit->setEnabled(canWrite);
    m_import->setEnabled(connected);
    m_refresh->setEnabled(connected);
    m_delete->setEnabled(canWrite && selected > 0);
    m_deleteAction->setEnabled(m_delete->isEnabled());
    m_delete->setText(selected > 1 ? tr("&Delete %1…").arg(selected) : tr("&Delete…"));
}

void ManagedUrlsPanel::deleteSelected()
{
    QList<ManagedUrl> entries;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        entries << m_model->entry(m_proxy->mapToSource(index).row());
    if (!entries.isEmpty())
        m_writer->remove(entries);
}

UrlImportDialog *ManagedUrlsPanel::openImport()
{
    if (!m_importDialog) {
        m_importDialog = new UrlImportDialog(m_session, this);
        m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_importDialog->setWindowModality(Qt::WindowModal);
    }
    m_importDialog->show();
    m_importDialog->raise();
    return m_importDialog;
}

} // namespace mcdesk::ui
