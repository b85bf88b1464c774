#include "ui/threats/managedurldialog.h"

#include "ui/common/widgets.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using threats::ManagedUrl;
} // namespace

ManagedUrlDialog::ManagedUrlDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_block(new QRadioButton(tr("&Block"), this))
    , m_permit(new QRadioButton(tr("&Permit"), this))
    , m_explicit(new QRadioButton(tr("&Exactly this URL"), this))
    , m_domain(new QRadioButton(tr("Any URL on its &domain"), this))
    , m_comment(new QLineEdit(this))
    , m_disableRewrite(new QCheckBox(tr("Do not &rewrite the link (permits only)"), this))
    , m_disableLogClick(new QCheckBox(tr("Do not &log clicks"), this))
    , m_disableAwareness(new QCheckBox(tr("No user &awareness challenge (permits only)"), this))
    , m_matchNote(new QLabel(this))
    , m_problem(widgets::hintLabel(u"blockUrlProblem"_s, this))
{
    setObjectName(u"blockUrlDialog"_s);
    setWindowTitle(tr("Block or permit a URL"));
    m_url->setObjectName(u"blockUrlUrl"_s);
    m_url->setPlaceholderText(tr("https://host.example/path"));
    m_url->setClearButtonEnabled(true);
    m_block->setObjectName(u"blockUrlBlock"_s);
    m_permit->setObjectName(u"blockUrlPermit"_s);
    m_explicit->setObjectName(u"blockUrlExplicit"_s);
    m_domain->setObjectName(u"blockUrlDomain"_s);
    m_comment->setObjectName(u"blockUrlComment"_s);
    m_comment->setPlaceholderText(tr("why: kept with the entry in Mimecast"));
    m_disableRewrite->setObjectName(u"blockUrlDisableRewrite"_s);
    m_disableLogClick->setObjectName(u"blockUrlDisableLogClick"_s);
    m_disableAwareness->setObjectName(u"blockUrlDisableAwareness"_s);
    m_matchNote->setObjectName(u"blockUrlMatchNote"_s);
    m_matchNote->setTextFormat(Qt::PlainText);
    m_matchNote->setWordWrap(true);
    m_matchNote->setForegroundRole(QPalette::PlaceholderText);
    m_block->setChecked(true);
    m_explicit->setChecked(true);
    auto *actions = new QButtonGroup(this);
    actions->addButton(m_block);
    actions->addButton(m_permit);
    auto *matches = new QButtonGroup(this);
    matches->addButton(m_explicit);
    matches->addButton(m_domain);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"blockUrlButtons"_s);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"blockUrlOk"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"blockUrlCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    form->addRow(urlLabel, m_url);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_block);
    actionRow->addWidget(m_permit);
    actionRow->addStretch(1);
    form->addRow(tr("Action:"), actionRow);
    auto *matchRow = new QVBoxLayout;
    matchRow->addWidget(m_explicit);
    matchRow->addWidget(m_domain);
    matchRow->addWidget(m_matchNote);
    form->addRow(tr("Match:"), matchRow);
    auto *commentLabel = new QLabel(tr("C&omment:"), this);
    commentLabel->setBuddy(m_comment);
    form->addRow(commentLabel, m_comment);
    auto *options = new QVBoxLayout;
    options->addWidget(m_disableLogClick);
    options->addWidget(m_disableRewrite);
    options->addWidget(m_disableAwareness);
    form->addRow(tr("Options:"), options);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);

    for (QRadioButton *radio : {m_block, m_permit, m_explicit, m_domain})
        connect(radio, &QRadioButton::toggled, this, &ManagedUrlDialog::update);
    for (QCheckBox *box : {m_disableRewrite, m_disableLogClick, m_disableAwareness})
        connect(box, &QCheckBox::toggled, this, &ManagedUrlDialog::update);
    connect(m_url, &QLineEdit::textChanged, this, &ManagedUrlDialog::update);
    update();
}

void ManagedUrlDialog::setEntry(const ManagedUrl &entry)
{
    m_url->setText(entry.displayUrl());
    (entry.action == ManagedUrl::Action::Permit ? m_permit : m_block)->setChecked(true);
    (entry.match == ManagedUrl::Match::Domain ? m_domain : m_explicit)->setChecked(true);
    m_comment->setText(entry.comment);
    m_disableRewrite->setChecked(entry.disableRewrite);
    m_disableLogClick->setChecked(entry.disableLogClick);
    m_disableAwareness->setChecked(entry.disableUserAwareness);
    update();
}

ManagedUrl ManagedUrlDialog::entry() const
{
    ManagedUrl e;
    e.url = m_url->text().trimmed();
    e.action = m_permit->isChecked() ? ManagedUrl::Action::Permit : ManagedUrl::Action::Block;
    e.match = m_domain->isChecked() ? ManagedUrl::Match::Domain : ManagedUrl::Match::Explicit;
    e.comment = m_comment->text().trimmed();
    const bool permit = e.action == ManagedUrl::Action::Permit;
    e.disableLogClick = m_disableLogClick->isChecked();
    // Mimecast takes these two for permits only (§5.1); a block never sends them.
    e.disableRewrite = permit && m_disableRewrite->isChecked();
    e.disableUserAwareness = permit && m_disableAwareness->isChecked();
    return e;
}

QString ManagedUrlDialog::inFormWords(const QString &problem)
{
    return widgets::inFormWords(problem,
                                {{u"--disable-user-awareness"_s, tr("No user awareness challenge")},
                                 {u"--disable-log-click"_s, tr("Do not log clicks")},
                                 {u"--disable-rewrite"_s, tr("Do not rewrite the link")},
                                 {u"--match-type"_s, tr("Match")},
                                 {u"--comment"_s, tr("Comment")},
                                 {u"--action"_s, tr("Action")},
                                 {u"--url"_s, tr("URL")}});
}

QString ManagedUrlDialog::problem() const
{
    const ManagedUrl e = entry();
    if (e.url.isEmpty())
        return tr("URL: enter the link to block or permit.");
    return inFormWords(e.problem());
}

void ManagedUrlDialog::update()
{
    const bool permit = m_permit->isChecked();
    m_disableRewrite->setEnabled(permit);
    m_disableAwareness->setEnabled(permit);
    const ManagedUrl e = entry();
    const QString host = QUrl(e.url).host();
    m_matchNote->setText(m_domain->isChecked()
                             ? (host.isEmpty()
                                    ? tr("Every URL on the link's domain and its subdomains.")
                                    : tr("Every URL on %1 and its subdomains.").arg(host))
                             : tr("Only this URL (the fragment after # is ignored)."));
    m_ok->setText(permit ? tr("&Permit…") : tr("&Block…"));
    const QString bad = problem();
    // The empty field says what it needs in its placeholder; no red text before typing.
    m_problem->setText(e.url.isEmpty() ? QString() : bad);
    m_problem->setVisible(!e.url.isEmpty() && !bad.isEmpty());
    m_ok->setEnabled(bad.isEmpty());
}

} // namespace mcdesk::ui
