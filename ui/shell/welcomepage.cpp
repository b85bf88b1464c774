#include "ui/shell/welcomepage.h"

#include "ui/shell/appicon.h"

#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}
} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_add(new QPushButton(tr("&Add Mimecast connection…"), this))
    , m_demo(new QPushButton(tr("&Try the demo"), this))
{
    setObjectName(u"welcomePage"_s);
    auto *column = new QWidget(this);
    const int em = fontMetrics().averageCharWidth();
    // Word-wrapped labels only get their full height in a layout that sets their width, so the
    // column is sized by stretches around it rather than by alignment flags.
    column->setMaximumWidth(em * 84);
    column->setMinimumWidth(em * 56);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto *icon = new QLabel(column);
    icon->setObjectName(u"welcomeIcon"_s);
    const int iconSize = fontMetrics().height() * 5;
    icon->setPixmap(appIcon().pixmap(QSize(iconSize, iconSize), qGuiApp->devicePixelRatio()));
    icon->setAlignment(Qt::AlignHCenter);

    auto *title = paragraph(tr("Welcome to Mimecast Triage Desk"), column);
    title->setObjectName(u"welcomeTitle"_s);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignHCenter);

    auto *intro = paragraph(
        tr("Triage held mail, keep sender permit and block lists, and search the archive, with "
           "every action recorded against your case."),
        column);

    m_add->setObjectName(u"addConnectionButton"_s);
    m_add->setDefault(true);
    m_demo->setObjectName(u"tryDemoButton"_s);
    m_demo->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    for (QPushButton *button : {m_add, m_demo})
        button->setMinimumHeight(fontMetrics().height() * 2 + 4);
    connect(m_add, &QPushButton::clicked, this, &WelcomePage::addConnectionRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);

    auto *addText = paragraph(
        tr("Connect to your Mimecast account with API 2.0 (Client ID and Secret) or API 1.0 "
           "keys. Secrets are kept only in your system keychain."),
        column);
    auto *demoText = paragraph(
        tr("Runs a built-in Mimecast simulator on this computer with sample held mail and "
           "archive messages. Nothing leaves this machine."),
        column);
    for (QLabel *label : {addText, demoText}) {
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }

    auto *choices = new QGridLayout;
    choices->setHorizontalSpacing(em * 3);
    choices->setVerticalSpacing(em);
    choices->addWidget(m_add, 0, 0);
    choices->addWidget(m_demo, 0, 1);
    choices->addWidget(addText, 1, 0);
    choices->addWidget(demoText, 1, 1);
    choices->setColumnStretch(0, 1);
    choices->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(fontMetrics().height());
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(fontMetrics().height());
    layout->addLayout(choices);
    intro->setAlignment(Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);
    setTabOrder(m_add, m_demo);
}

} // namespace mcdesk::ui
