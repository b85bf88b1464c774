#include "ui/archive/archivesearchpage.h"

#include "core/archive/archivequeryxml.h"
#include "ui/archive/archiveresultspanel.h"
#include "ui/archive/simplesearchform.h"
#include "ui/archive/xmlpreviewdialog.h"
#include "ui/common/uilogging.h"
#include "ui/shell/session.h"

#include <QHBoxLayout>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kDefaultXmlLimit = 1000; // advanced search limit (docs/contract.md, actions)
}

ArchiveSearchPage::ArchiveSearchPage(Session *session, QWidget *parent)
    : Page(session, u"page_archive"_s, parent)
    , m_form(new SimpleSearchForm(this))
    , m_formScroll(new QScrollArea(this))
    , m_results(new ArchiveResultsPanel(session, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_formScroll->setObjectName(u"archiveFormScroll"_s);
    m_formScroll->setWidget(m_form);
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFrameShape(QFrame::NoFrame);
    m_formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_formScroll->setMinimumWidth(m_form->minimumSizeHint().width() +
                                  fontMetrics().averageCharWidth() * 4);

    m_splitter->setObjectName(u"archiveSplitter"_s);
    m_splitter->addWidget(m_formScroll);
    m_splitter->addWidget(m_results);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_splitter);

    connect(m_form, &SimpleSearchForm::runRequested, this, &ArchiveSearchPage::runSearch);
    connect(m_form, &SimpleSearchForm::showXmlRequested, this, &ArchiveSearchPage::showXml);
    connect(m_form, &SimpleSearchForm::openInBuilderRequested, this,
            &ArchiveSearchPage::openInBuilder);
    connect(m_results, &ArchiveResultsPanel::blockSenderRequested, this,
            &ArchiveSearchPage::blockSenderRequested);
    connect(m_results, &ArchiveResultsPanel::showHeldFromSenderRequested, this,
            &ArchiveSearchPage::showHeldFromSenderRequested);
    connect(m_results, &ArchiveResultsPanel::findEveryCopyRequested, this,
            &ArchiveSearchPage::findEveryCopyRequested);
    connect(m_results, &ArchiveResultsPanel::searchSenderRequested, this,
            &ArchiveSearchPage::searchForSender);
}

QString ArchiveSearchPage::title() const
{
    return tr("Archive search");
}

void ArchiveSearchPage::setClock(TimeFrameEditor::Clock clock)
{
    m_form->timeFrame()->setClock(std::move(clock));
}

void ArchiveSearchPage::runBuilt(const archive::BuildResult &built, int limit)
{
    // Compact is what goes on the wire; the preview shows the same document indented.
    m_results->run(archive::toXml(built.query, false), limit, tr("Simple search"),
                   built.query.metadata.returnFields);
}

void ArchiveSearchPage::runSearch()
{
    const archive::BuildResult built = m_form->build();
    if (!built.ok()) {
        qCInfo(lcUiArchive) << "simple search refused before sending";
        m_form->showError(built.error);
        return;
    }
    m_form->showError({});
    runBuilt(built, m_form->search().limit);
}

void ArchiveSearchPage::showXml()
{
    const archive::BuildResult built = m_form->build();
    if (!built.ok()) {
        m_form->showError(built.error);
        return;
    }
    m_form->showError({});
    if (!m_preview) {
        m_preview = new XmlPreviewDialog(this);
        connect(m_preview, &XmlPreviewDialog::runRequested, this, [this](const QString &xml) {
            const archive::ParseResult parsed = archive::fromXml(xml);
            m_results->run(xml, m_previewLimit, tr("Simple search"),
                           parsed.query.metadata.returnFields);
        });
    }
    m_previewLimit = m_form->search().limit;
    const QString format = u"yyyy-MM-dd HH:mm:ss"_s;
    m_preview->setQuery(
        archive::toXml(built.query, false),
        tr("Sent as one line, exactly this document without the indentation, in pages of %L1 "
           "up to %L2 messages. The time frame was resolved to %3 → %4 UTC; Run on the form "
           "resolves it again, Run this query sends it as shown.")
            .arg(built.pageSize)
            .arg(m_previewLimit)
            .arg(built.startUtc.toString(format), built.endUtc.toString(format)));
    m_preview->show();
    m_preview->raise();
    m_preview->activateWindow();
}

void ArchiveSearchPage::openInBuilder()
{
    const archive::BuildResult built = m_form->build();
    if (!built.ok()) {
        m_form->showError(built.error);
        return;
    }
    m_form->showError({});
    emit openInBuilderRequested(built.query);
}

void ArchiveSearchPage::runXml(const QString &xml, int limit, const QString &title)
{
    const archive::XmlCheck check = archive::checkWellFormed(xml);
    if (!check.ok()) {
        session()->reportError(
            tr("The query was not sent: its XML is not well formed (%1).").arg(check.toString()));
        return;
    }
    m_results->run(xml, limit > 0 ? limit : kDefaultXmlLimit,
                   title.isEmpty() ? tr("XML query") : title);
}

void ArchiveSearchPage::searchForSender(const QString &address)
{
    m_form->prefillSender(address.trimmed());
    runSearch();
}

void ArchiveSearchPage::saveLayout(QSettings &settings) const
{
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    m_results->saveLayout(settings);
}

void ArchiveSearchPage::restoreLayout(QSettings &settings)
{
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_results->restoreLayout(settings);
}

} // namespace mcdesk::ui
