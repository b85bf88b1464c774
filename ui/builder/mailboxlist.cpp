#include "ui/builder/mailboxlist.h"

#include "ui/builder/undoshortcutfilter.h"
#include "ui/common/palette.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

MailboxList::MailboxList(UndoShortcutFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_linesLayout(new QVBoxLayout)
    , m_empty(new QLabel(tr("No mailboxes: an admin search covers the whole archive."), this))
    , m_add(new QPushButton(tr("Add mailbox"), this))
{
    setObjectName(u"builderMailboxes"_s);
    m_linesLayout->setContentsMargins(0, 0, 0, 0);
    m_linesLayout->setSpacing(4);
    m_empty->setObjectName(u"builderMailboxesEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_add->setObjectName(u"addMailboxButton"_s);
    m_add->setIcon(QIcon::fromTheme(u"list-add"_s));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_add);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_linesLayout);
    layout->addWidget(m_empty);
    layout->addLayout(bar);

    connect(m_add, &QPushButton::clicked, this, [this] {
        QList<archive::Mailbox> next = m_mailboxes;
        next.append(archive::Mailbox{});
        emit mailboxesEdited(next, {});
        emit editFinished();
        focusMailbox(int(next.size()) - 1);
    });
    setMailboxes({});
}

void MailboxList::setMailboxes(const QList<archive::Mailbox> &mailboxes)
{
    m_mailboxes = mailboxes;
    while (m_lines.size() > mailboxes.size()) {
        const Line line = m_lines.takeLast();
        m_linesLayout->removeWidget(line.box);
        line.box->hide();
        line.box->deleteLater(); // its own button may have asked for this
    }
    while (m_lines.size() < mailboxes.size())
        m_lines.append(createLine());
    for (int i = 0; i < mailboxes.size(); ++i) {
        const archive::Mailbox &m = mailboxes.at(i);
        const Line &line = m_lines.at(i);
        if (line.address->text() != m.address)
            line.address->setText(m.address);
        const QSignalBlocker blocker(line.aliases);
        // Unset (no attribute in the XML) shows as partly checked until the analyst chooses.
        line.aliases->setTristate(!m.includeAliases.has_value());
        line.aliases->setCheckState(!m.includeAliases   ? Qt::PartiallyChecked
                                    : *m.includeAliases ? Qt::Checked
                                                        : Qt::Unchecked);
    }
    m_empty->setVisible(mailboxes.isEmpty());
}

void MailboxList::setProblems(const QList<archive::Issue> &issues)
{
    for (int i = 0; i < m_lines.size(); ++i) {
        QString text;
        for (const archive::Issue &issue : issues) {
            if (issue.section == archive::Issue::Section::Mailboxes && issue.row == i)
                text = issue.message;
        }
        QLabel *label = m_lines.at(i).problem;
        label->setText(text);
        label->setVisible(!text.isEmpty());
    }
}

void MailboxList::focusMailbox(int index)
{
    if (index >= 0 && index < m_lines.size())
        m_lines.at(index).address->setFocus(Qt::OtherFocusReason);
}

MailboxList::Line MailboxList::createLine()
{
    Line line;
    line.box = new QWidget(this);
    line.address = new QLineEdit(line.box);
    line.address->setObjectName(u"mailboxAddress"_s);
    line.address->setPlaceholderText(tr("mailbox@example.com"));
    line.aliases = new QCheckBox(tr("Include aliases"), line.box);
    line.aliases->setObjectName(u"mailboxAliases"_s);
    line.aliases->setToolTip(tr("Also search the mailbox's aliases (include-aliases)"));
    auto *remove = new QToolButton(line.box);
    remove->setObjectName(u"removeMailboxButton"_s);
    remove->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this mailbox"));
    line.problem = new QLabel(line.box);
    line.problem->setObjectName(u"mailboxProblem"_s);
    line.problem->setTextFormat(Qt::PlainText);
    QPalette pal = line.problem->palette();
    pal.setColor(QPalette::WindowText, palette::statusColor(palette::Status::Bad, palette()));
    line.problem->setPalette(pal);
    line.problem->hide();

    auto *grid = new QVBoxLayout(line.box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->addWidget(line.address, 1);
    row->addWidget(line.aliases);
    row->addWidget(remove);
    grid->addLayout(row);
    grid->addWidget(line.problem);
    m_linesLayout->addWidget(line.box);
    line.box->show();
    m_filter->watch(line.box);

    const QWidget *box = line.box;
    connect(line.address, &QLineEdit::textEdited, this,
            [this, box](const QString &text) { addressEdited(indexOf(box), text); });
    connect(line.address, &QLineEdit::editingFinished, this, &MailboxList::editFinished);
    connect(line.aliases, &QCheckBox::clicked, this, [this, box] { aliasesClicked(indexOf(box)); });
    connect(remove, &QToolButton::clicked, this, [this, box] { removeClicked(indexOf(box)); });
    return line;
}

int MailboxList::indexOf(const QObject *box) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).box == box)
            return i;
    }
    return -1;
}

void MailboxList::addressEdited(int index, const QString &text)
{
    if (index < 0)
        return;
    QList<archive::Mailbox> next = m_mailboxes;
    next[index].address = text;
    emit mailboxesEdited(next, u"mailbox:%1"_s.arg(index));
}

void MailboxList::aliasesClicked(int index)
{
    if (index < 0)
        return;
    QList<archive::Mailbox> next = m_mailboxes;
    // A click on a partly checked box (include-aliases unset) chooses true, then it toggles.
    next[index].includeAliases = !next[index].includeAliases.value_or(false);
    next[index].extraAttributes.removeIf(
        [](const archive::Attribute &a) { return a.name == u"include-aliases"; });
    emit mailboxesEdited(next, {});
    emit editFinished();
}

void MailboxList::removeClicked(int index)
{
    if (index < 0)
        return;
    QList<archive::Mailbox> next = m_mailboxes;
    next.removeAt(index);
    emit mailboxesEdited(next, {});
    emit editFinished();
}

} // namespace mcdesk::ui::builder
