#include "ui/senders/senderimportpanel.h"

#include "ui/common/dialogs.h"
#include "ui/common/palette.h"
#include "ui/common/uilogging.h"
#include "ui/common/widgets.h"
#include "ui/senders/importpreviewmodel.h"
#include "ui/shell/session.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using Action = senders::ManagedSender::Action;
using State = senders::ImportEntry::State;
} // namespace

SenderImportPanel::SenderImportPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ImportPreviewModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_text(new QPlainTextEdit(this))
    , m_fileButton(new QPushButton(tr("&Open CSV…"), this))
    , m_clearButton(new QPushButton(tr("C&lear"), this))
    , m_preview(widgets::makeTable(u"importPreview"_s, this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_retryButton(new QPushButton(tr("Re&try failed"), this))
    , m_sendButton(new QPushButton(this))
    , m_parseTimer(new QTimer(this))
{
    setObjectName(u"senderImport"_s);
    m_text->setObjectName(u"importText"_s);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_text->setTabStopDistance(m_text->fontMetrics().horizontalAdvance(u' ') * 4);
    m_text->setPlaceholderText(tr("sender,recipient,action\n"
                                  "billing@invoices-example.net,ap@yourcompany.example,block\n"
                                  "news@partner.example,sales@yourcompany.example,permit"));
    m_text->setAccessibleName(tr("Entries to import"));
    m_fileButton->setObjectName(u"importFileButton"_s);
    m_fileButton->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_fileButton->setToolTip(tr("Read sender,recipient,action lines from a CSV file (UTF-8)"));
    m_clearButton->setObjectName(u"importClearButton"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ImportPreviewModel::SortRole);
    m_preview->setModel(m_proxy);
    m_preview->setSortingEnabled(true);
    m_preview->sortByColumn(ImportPreviewModel::Line, Qt::AscendingOrder);
    m_preview->setAccessibleName(tr("Import preview"));
    // Narrow address columns so the reason or outcome (Details) is readable; tooltips hold all.
    m_preview->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_preview->horizontalHeader();
    const auto width = [this](const QString &sample) {
        return widgets::columnWidth(this, sample);
    };
    header->resizeSection(ImportPreviewModel::Line, width(u"Line 99"_s));
    header->resizeSection(ImportPreviewModel::Sender, width(u"billing@invoices-exam"_s));
    header->resizeSection(ImportPreviewModel::Recipient, width(u"ap@yourcompany.exa"_s));
    header->resizeSection(ImportPreviewModel::Action, width(u"permit"_s));
    header->resizeSection(ImportPreviewModel::Status, width(u"Sending…"_s) + 20);

    m_summary->setObjectName(u"importSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 30);
    m_progress->hide();
    m_cancelButton->setObjectName(u"importCancelButton"_s);
    m_cancelButton->setToolTip(tr("Stop before the next batch of 100; the batch on its way "
                                  "finishes"));
    m_cancelButton->hide();
    m_retryButton->setObjectName(u"importRetryButton"_s);
    m_retryButton->setToolTip(tr("Send the failed entries again; done and unknown ones are "
                                 "left alone"));
    m_sendButton->setObjectName(u"importSendButton"_s);
    m_sendButton->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_sendButton->setToolTip(tr("Send the valid entries to Mimecast in batches of 100; invalid "
                                "lines are never sent"));

    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(250);
    connect(m_parseTimer, &QTimer::timeout, this, &SenderImportPanel::reparse);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_sending)
            m_parseTimer->start();
    });
    connect(m_fileButton, &QPushButton::clicked, this, [this] {
        dialogs::FileRequest request;
        request.title = tr("Import senders");
        request.filter = tr("CSV files (*.csv *.txt);;All files (*)");
        request.objectName = u"senderImportDialog"_s;
        const QString path = dialogs::openFileName(this, request);
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_clearButton, &QPushButton::clicked, m_text, &QPlainTextEdit::clear);
    connect(m_sendButton, &QPushButton::clicked, this, &SenderImportPanel::send);
    connect(m_cancelButton, &QPushButton::clicked, this, &SenderImportPanel::cancel);
    connect(m_retryButton, &QPushButton::clicked, this, &SenderImportPanel::retryFailed);

    auto *top = new QHBoxLayout;
    top->addWidget(widgets::sectionTitle(tr("Bulk import"), this));
    auto *format = new QLabel(tr("One entry a line: sender,recipient,permit or block"), this);
    format->setTextFormat(Qt::PlainText);
    format->setWordWrap(true);
    format->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(format, 1);
    top->addWidget(m_fileButton);
    top->addWidget(m_clearButton);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"importSplitter"_s);
    splitter->addWidget(m_text);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancelButton);
    bottom->addWidget(m_retryButton);
    bottom->addWidget(m_sendButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    updateControls();
}

bool SenderImportPanel::importFile(const QString &path)
{
    const QString shown = QFileInfo(path).fileName();
    const senders::ImportFile file = senders::readSenderImportFile(path);
    if (const QString problem = senders::importFileProblem(file, shown); !problem.isEmpty()) {
        m_session->reportError(problem, file.error);
        return false;
    }
    m_text->setPlainText(file.text);
    m_parseTimer->stop();
    reparse();
    m_session->showStatus(tr("Read %1").arg(shown));
    return true;
}

void SenderImportPanel::reparse()
{
    if (m_sending)
        return;
    senders::ImportParse parsed = senders::parseSenderImport(m_text->toPlainText());
    m_lines = parsed.lines;
    m_duplicates = parsed.duplicates;
    m_header = parsed.header;
    m_sentOnce = false;
    m_model->setEntries(std::move(parsed.entries));
    updateControls();
}

void SenderImportPanel::send()
{
    if (m_sending)
        return;
    if (m_parseTimer->isActive()) {
        m_parseTimer->stop();
        reparse();
    }
    const QList<senders::ManagedSender> ready =
        m_model->readyEntries(Action::Permit) + m_model->readyEntries(Action::Block);
    m_total = int(ready.size());
    if (m_total == 0)
        return;
    // The actions layer sends the Ready entries (permits, then blocks) and audits each action;
    // invalid ones were shown in the preview, so they are skipped rather than refusing the rest.
    actions::ActionArgs args;
    args.importEntries = m_model->entries();
    args.skipInvalid = true;
    m_sending = true;
    m_cancelled = false;
    m_text->setReadOnly(true);
    m_progress->setRange(0, m_total);
    m_progress->setValue(0);
    m_model->markSending(ready);
    qCInfo(lcUiSenders) << "sender import: sending" << m_total << "entries";
    updateControls();
    m_runner = m_session->runAction(actions::ActionId::ImportManagedSenders, std::move(args),
                                    tr("Importing %1 senders").arg(m_total));
    if (!m_runner) { // the session said why (no connection)
        m_model->releaseSending(State::Ready, tr("Not sent: there is no working connection"));
        return finishSending();
    }
    connect(m_runner, &actions::ActionRunner::progress, this,
            [this](int done, int) { m_progress->setValue(done); });
    connect(m_runner, &actions::ActionRunner::finished, this, [this, runner = m_runner.data()] {
        const actions::ActionOutcome &outcome = runner->outcome();
        for (const api::ItemOutcome &item : outcome.items)
            m_model->applyOutcome(item);
        if (outcome.items.isEmpty())
            m_model->releaseSending(State::Ready, tr("Not sent: %1").arg(outcome.message));
        else
            m_model->releaseSending(State::Unknown, tr("The result did not mention this entry; "
                                                       "check it in the Mimecast console"));
        if (!outcome.success)
            m_session->reportError(tr("Sender import: %1").arg(outcome.message));
        m_progress->setValue(m_total);
        emit actionSent();
        finishSending();
    });
}

void SenderImportPanel::cancel()
{
    if (!m_sending || m_cancelled)
        return;
    m_cancelled = true;
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
    if (m_runner)
        m_runner->cancel();
}

void SenderImportPanel::retryFailed()
{
    if (m_sending || m_model->resetFailed() == 0)
        return;
    send();
}

void SenderImportPanel::finishSending()
{
    m_sending = false;
    m_sentOnce = true;
    m_runner = nullptr;
    m_text->setReadOnly(false);
    m_cancelButton->setEnabled(true);
    m_cancelButton->setText(tr("Cancel"));
    updateControls();
    m_session->showStatus(summaryText());
}

QString SenderImportPanel::summaryText() const
{
    const int ready = m_model->count(State::Ready);
    const int invalid = m_model->count(State::Invalid);
    if (m_sending)
        return tr("Sending %1 entries in batches of %2…")
            .arg(m_total)
            .arg(senders::PermitOrBlockSenders::kBatchSize);
    if (m_model->rowCount() == 0)
        return m_lines > 0 ? tr("Only a header line so far.")
                           : tr("Paste lines or open a CSV file; a header line is optional.");
    QStringList parts;
    if (m_sentOnce) {
        // Only what happened: "3 done · 1 failed".
        for (auto [state, text] :
             {std::pair{State::Done, tr("%1 done")}, std::pair{State::Failed, tr("%1 failed")},
              std::pair{State::Unknown, tr("%1 unknown")},
              std::pair{State::Ready, tr("%1 not sent")}}) {
            if (const int n = m_model->count(state); n > 0)
                parts << text.arg(n);
        }
    } else {
        parts << tr("%1 ready to send").arg(ready);
        if (m_duplicates > 0)
            parts << (m_duplicates == 1 ? tr("1 repeated line collapsed")
                                        : tr("%1 repeated lines collapsed").arg(m_duplicates));
    }
    if (invalid > 0)
        parts << (m_sentOnce ? tr("%1 invalid lines never sent").arg(invalid)
                             : tr("%1 invalid (never sent)").arg(invalid));
    QString text = parts.join(u" · "_s) + u'.';
    if (m_sentOnce && m_model->count(State::Unknown) > 0)
        text += u' ' + tr("Check unknown entries in the Mimecast console before sending them "
                          "again.");
    return text;
}

void SenderImportPanel::updateControls()
{
    const int ready = m_model->count(State::Ready);
    m_sendButton->setText(ready == 0   ? tr("Sen&d")
                          : ready == 1 ? tr("Sen&d 1 entry")
                                       : tr("Sen&d %1 entries").arg(ready));
    m_sendButton->setEnabled(!m_sending && ready > 0);
    m_fileButton->setEnabled(!m_sending);
    m_clearButton->setEnabled(!m_sending);
    m_cancelButton->setVisible(m_sending);
    m_progress->setVisible(m_sending);
    m_retryButton->setVisible(!m_sending && m_model->count(State::Failed) > 0);
    m_summary->setText(summaryText());
    // Red for failures, amber for what needs a look, green when everything sent is done.
    palette::Status status = palette::Status::Neutral;
    if (m_model->count(State::Failed) > 0)
        status = palette::Status::Bad;
    else if (m_model->count(State::Unknown) > 0 ||
             (!m_sentOnce && m_model->count(State::Invalid) > 0))
        status = palette::Status::Warning;
    else if (m_sentOnce && m_model->count(State::Done) > 0)
        status = palette::Status::Good;
    QPalette p = palette();
    if (status != palette::Status::Neutral)
        p.setColor(QPalette::WindowText, palette::statusColor(status, p));
    m_summary->setPalette(p);
}

} // namespace mcdesk::ui
