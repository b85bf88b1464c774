#include "ui/threats/decodeurldialog.h"

#include "core/threats/managedurl.h"
#include "core/threats/threatoperations.h"
#include "ui/common/widgets.h"
#include "ui/shell/session.h"
#include "ui/threats/managedurlwriter.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

DecodeUrlDialog::DecodeUrlDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_input(new QPlainTextEdit(this))
    , m_output(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_decode(new QPushButton(tr("&Decode"), this))
    , m_copy(new QPushButton(tr("&Copy originals"), this))
    , m_block(new QPushButton(tr("&Block the original…"), this))
    , m_whoClicked(new QPushButton(tr("&Who clicked it?"), this))
    , m_writer(new ManagedUrlWriter(session, this))
{
    setObjectName(u"decodeUrlDialog"_s);
    setWindowTitle(tr("Decode URL"));
    m_input->setObjectName(u"decodeUrlInput"_s);
    m_input->setPlaceholderText(tr("Paste Mimecast-rewritten links, one per line\n"
                                   "https://url.us.m.mimecastprotect.com/s/…"));
    m_input->setTabChangesFocus(true);
    m_input->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setObjectName(u"decodeUrlOutput"_s);
    m_output->setReadOnly(true);
    m_output->setTabChangesFocus(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setPlaceholderText(tr("The original links appear here."));
    m_status->setObjectName(u"decodeUrlStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_decode->setObjectName(u"decodeUrlDecode"_s);
    m_decode->setDefault(true);
    m_copy->setObjectName(u"decodeUrlCopy"_s);
    m_block->setObjectName(u"decodeUrlBlock"_s);
    m_whoClicked->setObjectName(u"decodeUrlWhoClicked"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"decodeUrlButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *inputLabel = new QLabel(tr("&Rewritten links:"), this);
    inputLabel->setBuddy(m_input);
    auto *outputLabel = new QLabel(tr("&Original links:"), this);
    outputLabel->setBuddy(m_output);
    auto *row = new QHBoxLayout;
    row->addWidget(m_decode);
    row->addStretch(1);
    row->addWidget(m_copy);
    row->addWidget(m_whoClicked);
    row->addWidget(m_block);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(inputLabel);
    layout->addWidget(m_input, 1);
    layout->addWidget(outputLabel);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_status);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 22);

    connect(m_input, &QPlainTextEdit::textChanged, this, &DecodeUrlDialog::updateControls);
    connect(m_decode, &QPushButton::clicked, this, &DecodeUrlDialog::decode);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_originals.join(u'\n'));
        m_session->showStatus(tr("Copied %1 original links").arg(m_originals.size()));
    });
    connect(m_block, &QPushButton::clicked, this,
            [this] { m_writer->openDialog(m_originals.value(0)); });
    connect(m_whoClicked, &QPushButton::clicked, this, [this] {
        m_session->requestWhoClicked(m_originals.value(0), QString());
        accept();
    });
    connect(session, &Session::clientChanged, this, &DecodeUrlDialog::updateControls);
    updateControls();
}

QStringList DecodeUrlDialog::links() const
{
    QStringList out;
    for (const QString &line : m_input->toPlainText().split(u'\n'))
        if (const QString t = line.trimmed(); !t.isEmpty() && !out.contains(t))
            out << t;
    return out;
}

void DecodeUrlDialog::setLinks(const QStringList &links)
{
    m_input->setPlainText(links.join(u'\n'));
}

void DecodeUrlDialog::updateControls()
{
    const int count = int(links().size());
    m_decode->setEnabled(count > 0 && !m_decoding && m_session->client());
    m_copy->setEnabled(!m_originals.isEmpty());
    // One link at a time: Block and Who clicked act on a single original.
    m_block->setEnabled(m_originals.size() == 1 && m_session->client());
    m_whoClicked->setEnabled(m_originals.size() == 1);
}

void DecodeUrlDialog::decode()
{
    const QStringList given = links();
    if (given.isEmpty() || m_decoding)
        return;
    if (given.size() > threats::DecodeUrls::kPerCall) {
        m_status->setText(tr("Rewritten links: %1 given; decode at most %2 at once.")
                              .arg(given.size())
                              .arg(threats::DecodeUrls::kPerCall));
        return;
    }
    actions::ActionArgs args;
    args.rewrittenUrls = given;
    actions::ActionRunner *runner = m_session->runAction(actions::ActionId::DecodeUrl, args);
    if (!runner) {
        m_status->setText(tr("Not decoded: there is no working connection."));
        return;
    }
    m_decoding = true;
    m_status->setText(tr("Decoding…"));
    updateControls();
    connect(runner, &actions::ActionRunner::finished, this, [this, runner] {
        m_decoding = false;
        const actions::ActionOutcome &outcome = runner->outcome();
        m_originals.clear();
        QStringList failed;
        for (const threats::DecodedUrl &d : outcome.decodedUrls) {
            if (d.decoded())
                m_originals << d.original;
            else
                failed << tr("%1: %2").arg(d.rewritten, d.error);
        }
        m_output->setPlainText(m_originals.join(u'\n'));
        if (outcome.decodedUrls.isEmpty() && !outcome.success)
            m_status->setText(tr("Not decoded: %1").arg(outcome.message));
        else if (failed.isEmpty())
            m_status->setText(tr("%1 of %1 decoded.").arg(m_originals.size()));
        else
            m_status->setText(tr("%1 decoded; not decoded: %2")
                                  .arg(m_originals.size())
                                  .arg(failed.join(u"; "_s)));
        updateControls();
        emit decoded();
    });
}

} // namespace mcdesk::ui
