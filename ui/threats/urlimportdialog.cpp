#include "ui/threats/urlimportdialog.h"

#include "core/held/heldformat.h"
#include "core/senders/senderimport.h"
#include "ui/common/dialogs.h"
#include "ui/common/widgets.h"
#include "ui/shell/session.h"
#include "ui/threats/urlimportmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using threats::ManagedUrl;
} // namespace

UrlImportDialog::UrlImportDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_text(new QPlainTextEdit(this))
    , m_fileButton(new QPushButton(tr("&Open CSV file…"), this))
    , m_action(new QComboBox(this))
    , m_match(new QComboBox(this))
    , m_model(new UrlImportModel(this))
    , m_preview(widgets::makeTable(u"urlImportPreview"_s, this))
    , m_summary(new QLabel(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_parseTimer(new QTimer(this))
{
    setObjectName(u"urlImportDialog"_s);
    setWindowTitle(tr("Import managed URLs"));
    m_text->setObjectName(u"urlImportText"_s);
    m_text->setPlaceholderText(tr("One URL per line: url[,action[,match type[,comment]]]\n"
                                  "https://login-verify.example.net/,block,domain,INC-2041\n"
                                  "https://partner.example.com/portal,permit"));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_fileButton->setObjectName(u"urlImportFileButton"_s);
    m_fileButton->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_action->setObjectName(u"urlImportAction"_s);
    m_action->addItem(tr("Block when a line says nothing"), int(ManagedUrl::Action::Block));
    m_action->addItem(tr("Permit when a line says nothing"), int(ManagedUrl::Action::Permit));
    m_match->setObjectName(u"urlImportMatch"_s);
    m_match->addItem(tr("Exactly the URL when a line says nothing"),
                     int(ManagedUrl::Match::Explicit));
    m_match->addItem(tr("Its whole domain when a line says nothing"),
                     int(ManagedUrl::Match::Domain));
    m_preview->setModel(m_model);
    m_preview->setAccessibleName(tr("Import preview"));
    m_preview->horizontalHeader()->resizeSection(UrlImportModel::Lines,
                                                 widgets::columnWidth(this, u"12, 13"_s));
    m_preview->horizontalHeader()->resizeSection(
        UrlImportModel::Url, widgets::columnWidth(this, u"https://login-verify.example.net/"_s));
    m_summary->setObjectName(u"urlImportSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_send->setObjectName(u"urlImportSend"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"urlImportButtons"_s);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *options = new QHBoxLayout;
    options->addWidget(m_action);
    options->addWidget(m_match);
    options->addStretch(1);
    options->addWidget(m_fileButton);
    auto *textLabel = new QLabel(tr("&Lines to import:"), this);
    textLabel->setBuddy(m_text);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(textLabel);
    layout->addWidget(m_text, 1);
    layout->addLayout(options);
    layout->addWidget(m_preview, 2);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    const int em = fontMetrics().averageCharWidth();
    resize(em * 110, fontMetrics().height() * 34);

    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(200); // typing a long list re-checks once, not per key
    connect(m_parseTimer, &QTimer::timeout, this, &UrlImportDialog::reparse);
    connect(m_text, &QPlainTextEdit::textChanged, m_parseTimer, qOverload<>(&QTimer::start));
    for (QComboBox *box : {m_action, m_match})
        connect(box, &QComboBox::currentIndexChanged, this, &UrlImportDialog::reparse);
    connect(m_fileButton, &QPushButton::clicked, this, [this] {
        const QString path = dialogs::openFileName(
            this, {tr("Import managed URLs"), QString(),
                   tr("CSV files (*.csv *.txt);;All files (*)"), u"urlImportFileDialog"_s});
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_send, &QPushButton::clicked, this, &UrlImportDialog::send);
    reparse();
}

void UrlImportDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
    m_parseTimer->stop();
    reparse();
}

bool UrlImportDialog::importFile(const QString &path)
{
    const QString shown = QFileInfo(path).fileName();
    const senders::ImportFile file = senders::readSenderImportFile(path);
    if (const QString problem = senders::importFileProblem(file, shown); !problem.isEmpty()) {
        m_session->reportError(problem, file.error);
        return false;
    }
    setText(file.text);
    return true;
}

void UrlImportDialog::reparse()
{
    if (isSending())
        return;
    m_model->setParse(threats::parseUrlImport(m_text->toPlainText(),
                                              ManagedUrl::Action(m_action->currentData().toInt()),
                                              ManagedUrl::Match(m_match->currentData().toInt())));
    updateControls();
}

void UrlImportDialog::updateControls()
{
    const threats::UrlImportParse &p = m_model->parse();
    const int ready = p.sendable();
    m_send->setEnabled(ready > 0 && !isSending() && m_session->client());
    m_send->setText(ready > 0 ? tr("&Send %1").arg(ready) : tr("&Send"));
    m_text->setReadOnly(isSending());
    if (!m_results.isEmpty()) {
        m_summary->setText(m_results.join(u' '));
        return;
    }
    if (p.entries.isEmpty()) {
        m_summary->setText(tr("Nothing to import yet."));
        return;
    }
    QString text = heldformat::plural(ready, tr("1 entry ready"), tr("%1 entries ready"));
    if (p.invalid() > 0)
        text += tr(", %1 with a problem (not sent)").arg(p.invalid());
    if (p.duplicates > 0)
        text += heldformat::plural(p.duplicates, tr(", 1 repeated line folded"),
                                   tr(", %1 repeated lines folded"));
    m_summary->setText(text + u'.');
}

void UrlImportDialog::send()
{
    if (isSending())
        return;
    QList<ManagedUrl> blocks;
    QList<ManagedUrl> permits;
    for (const threats::UrlImportEntry &e : m_model->parse().entries)
        if (e.canSend())
            (e.entry.action == ManagedUrl::Action::Permit ? permits : blocks).append(e.entry);
    if (blocks.isEmpty() && permits.isEmpty())
        return;
    dialogs::Question question;
    question.title = tr("Import managed URLs");
    QStringList what;
    if (!blocks.isEmpty())
        what << heldformat::plural(int(blocks.size()), tr("block 1 URL"), tr("block %1 URLs"));
    if (!permits.isEmpty())
        what << heldformat::plural(int(permits.size()), tr("permit 1 URL"), tr("permit %1 URLs"));
    question.text = tr("In URL Protect, for everyone: %1?").arg(what.join(tr(" and ")));
    const int invalid = m_model->parse().invalid();
    question.informativeText =
        (invalid > 0 ? tr("%1 lines with a problem are left out. ").arg(invalid) : QString()) +
        (m_session->caseId().isEmpty() ? tr("Audited without a case.")
                                       : tr("Audited under case %1.").arg(m_session->caseId()));
    question.acceptLabel = tr("Send");
    question.objectName = u"urlImportConfirm"_s;
    if (!dialogs::confirm(this, question))
        return;
    m_results.clear();
    if (!blocks.isEmpty())
        runWrite(ManagedUrl::Action::Block, blocks);
    if (!permits.isEmpty())
        runWrite(ManagedUrl::Action::Permit, permits);
    updateControls();
}

void UrlImportDialog::runWrite(ManagedUrl::Action action, const QList<ManagedUrl> &entries)
{
    const bool permit = action == ManagedUrl::Action::Permit;
    actions::ActionArgs args;
    args.managedUrls = entries;
    actions::ActionRunner *runner = m_session->runAction(
        permit ? actions::ActionId::PermitUrl : actions::ActionId::BlockUrl, args,
        permit ? tr("Permitting %1 URLs").arg(entries.size())
               : tr("Blocking %1 URLs").arg(entries.size()));
    if (!runner)
        return;
    ++m_pending;
    connect(runner, &actions::ActionRunner::finished, this, [this, runner] {
        const actions::ActionOutcome &outcome = runner->outcome();
        m_results << outcome.message;
        if (!outcome.success)
            m_session->reportError(tr("Not every URL was imported: %1").arg(outcome.message));
        --m_pending;
        updateControls();
        emit sent();
    });
}

} // namespace mcdesk::ui
