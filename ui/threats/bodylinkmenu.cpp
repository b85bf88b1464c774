#include "ui/threats/bodylinkmenu.h"

#include "core/threats/bodylinks.h"
#include "core/threats/managedurl.h"
#include "ui/shell/session.h"
#include "ui/threats/decodeurldialog.h"
#include "ui/threats/managedurlwriter.h"

#include <QAction>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTextCursor>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

BodyLinkMenu::BodyLinkMenu(QPlainTextEdit *body, Session *session)
    : QObject(body)
    , m_body(body)
    , m_session(session)
    , m_writer(new ManagedUrlWriter(session, body))
{
    body->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(body, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_body->createStandardContextMenu(pos);
        menu->setObjectName(u"bodyLinkMenu"_s);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        addActions(menu, m_body->cursorForPosition(pos).position());
        menu->popup(m_body->viewport()->mapToGlobal(pos));
    });
}

void BodyLinkMenu::addActions(QMenu *menu, int position)
{
    const QString text = m_body->toPlainText();
    const QString here = position >= 0 ? threats::webLinkAt(text, position) : QString();
    const QStringList all = threats::webLinksIn(text);
    QStringList rewritten;
    for (const QString &link : here.isEmpty() ? all : QStringList{here})
        if (threats::isRewrittenUrl(link))
            rewritten << link;
    menu->addSeparator();
    if (!rewritten.isEmpty()) {
        QAction *decode = menu->addAction(
            rewritten.size() == 1 ? tr("&Decode this Mimecast link…")
                                  : tr("&Decode the %1 Mimecast links…").arg(rewritten.size()));
        decode->setObjectName(u"bodyDecodeLinkAction"_s);
        connect(decode, &QAction::triggered, this, [this, rewritten] {
            auto *dialog = new DecodeUrlDialog(m_session, m_body->window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setLinks(rewritten);
            dialog->show();
            dialog->decode();
        });
    }
    // A rewritten link is decoded first: the click log and the block list hold the original.
    if (here.isEmpty() || threats::isRewrittenUrl(here))
        return;
    QAction *who = menu->addAction(tr("&Who clicked this link?"));
    who->setObjectName(u"bodyWhoClickedAction"_s);
    connect(who, &QAction::triggered, this,
            [this, here] { m_session->requestWhoClicked(here, QString()); });
    QAction *block = menu->addAction(tr("&Block this URL…"));
    block->setObjectName(u"bodyBlockUrlAction"_s);
    block->setEnabled(m_session->client() && !m_writer->isBusy());
    connect(block, &QAction::triggered, this, [this, here] { m_writer->openDialog(here); });
}

} // namespace mcdesk::ui
