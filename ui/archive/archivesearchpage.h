#pragma once

#include "core/archive/archivequery.h"
#include "core/archive/simplesearch.h"
#include "ui/archive/timeframeeditor.h"
#include "ui/archive/xmlpreviewdialog.h"
#include "ui/common/page.h"

#include <QPointer>

class QScrollArea;
class QSplitter;

namespace mcdesk::ui {

class ArchiveResultsPanel;
class SimpleSearchForm;

// Archive search: the seed's Simple Archive Search as a form on the left, the results grid
// with its detail pane on the right. The builder and the advanced editor run their queries
// here too (runXml), and the held queue asks for a sender's mail (searchForSender).
// Searches are reads: they go straight to ArchiveSearch and are not audited.
class ArchiveSearchPage : public Page
{
    Q_OBJECT
public:
    explicit ArchiveSearchPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;
    void saveLayout(QSettings &settings) const override;
    void restoreLayout(QSettings &settings) override;

    SimpleSearchForm *form() const { return m_form; }
    ArchiveResultsPanel *results() const { return m_results; }
    XmlPreviewDialog *xmlPreview() const { return m_preview; } // null until Show XML
    // What "now" is for the rolling time frames (tests pin it).
    void setClock(TimeFrameEditor::Clock clock);

public slots:
    // The form's Run: validates, builds and sends; on bad input sends nothing and names the
    // field under the form.
    void runSearch();
    void showXml();
    // Runs an XML query exactly as written, up to `limit` results (≤ 0: 1000). Malformed XML
    // is refused with its line and column and nothing is sent.
    void runXml(const QString &xml, int limit, const QString &title);
    // From = address, Last Month, then Run.
    void searchForSender(const QString &address);

signals:
    void openInBuilderRequested(const mcdesk::archive::ArchiveQuery &query);
    void blockSenderRequested(const QString &sender, const QString &recipient);
    void showHeldFromSenderRequested(const QString &address);
    // Find every copy: the Message-ID when the detail pane has it, else sender and subject.
    void findEveryCopyRequested(const QString &messageId, const QString &sender,
                                const QString &subject);

private:
    void openInBuilder();
    void runBuilt(const archive::BuildResult &built, int limit);

    SimpleSearchForm *m_form;
    QScrollArea *m_formScroll;
    ArchiveResultsPanel *m_results;
    QSplitter *m_splitter;
    QPointer<XmlPreviewDialog> m_preview;
    int m_previewLimit = 0;
};

} // namespace mcdesk::ui
