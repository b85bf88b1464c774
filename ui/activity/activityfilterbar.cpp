#include "ui/activity/activityfilterbar.h"

#include "core/actions/actioncontext.h"
#include "ui/common/plaintext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ActivityFilterBar::ActivityFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_case(new QLineEdit(this))
    , m_action(new QComboBox(this))
    , m_fromEnabled(new QCheckBox(tr("Fro&m"), this))
    , m_from(new QDateEdit(this))
    , m_toEnabled(new QCheckBox(tr("T&o"), this))
    , m_to(new QDateEdit(this))
    , m_path(new QLabel(this))
    , m_count(new QLabel(this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_reload(new QPushButton(tr("Re&load"), this))
{
    setObjectName(u"activityFilterBar"_s);
    m_case->setObjectName(u"activityCaseFilter"_s);
    m_case->setPlaceholderText(tr("Any case"));
    m_case->setClearButtonEnabled(true);
    m_case->setMinimumWidth(fontMetrics().averageCharWidth() * 18);
    auto *caseLabel = new QLabel(tr("C&ase:"), this);
    caseLabel->setBuddy(m_case);

    m_action->setObjectName(u"activityActionFilter"_s);
    m_action->addItem(tr("All actions"), QString());
    for (const QString &name : actions::actionNames()) {
        const auto id = actions::actionFromName(name);
        if (id && actions::changesState(*id))
            m_action->addItem(name, name);
    }
    auto *actionLabel = new QLabel(tr("A&ction:"), this);
    actionLabel->setBuddy(m_action);

    const QDate today = QDate::currentDate();
    for (auto [check, edit, date, name] :
         {std::tuple{m_fromEnabled, m_from, today.addDays(-30), u"activityFromDate"_s},
          std::tuple{m_toEnabled, m_to, today, u"activityToDate"_s}}) {
        check->setObjectName(name + u"Enabled"_s);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setDate(date);
        edit->setEnabled(false);
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(check, &QCheckBox::toggled, this, &ActivityFilterBar::filterChanged);
        connect(edit, &QDateEdit::dateChanged, this, &ActivityFilterBar::filterChanged);
    }
    m_fromEnabled->setToolTip(tr("Only actions on or after this day (local time)"));
    m_toEnabled->setToolTip(tr("Only actions on or before this day (local time)"));

    m_count->setObjectName(u"activityCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    m_export->setObjectName(u"activityExport"_s);
    m_export->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_export->setToolTip(tr("Save the actions shown to a CSV file for the case file"));
    m_reload->setObjectName(u"activityReload"_s);
    m_reload->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reload->setToolTip(tr("Read the audit log again"));

    connect(m_case, &QLineEdit::textChanged, this, &ActivityFilterBar::filterChanged);
    connect(m_action, &QComboBox::currentIndexChanged, this, &ActivityFilterBar::filterChanged);
    connect(m_export, &QPushButton::clicked, this, &ActivityFilterBar::exportRequested);
    connect(m_reload, &QPushButton::clicked, this, &ActivityFilterBar::reloadRequested);

    auto *title = new QLabel(tr("Audit log"), this);
    title->setTextFormat(Qt::PlainText);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_path->setObjectName(u"activityAuditPath"_s);
    m_path->setTextFormat(Qt::PlainText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    m_path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens the window

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_path, 1);
    top->addWidget(m_count);
    top->addWidget(m_export);
    top->addWidget(m_reload);

    auto *layout = new QHBoxLayout;
    layout->addWidget(caseLabel);
    layout->addWidget(m_case);
    layout->addSpacing(fontMetrics().averageCharWidth());
    layout->addWidget(actionLabel);
    layout->addWidget(m_action);
    layout->addSpacing(fontMetrics().averageCharWidth());
    layout->addWidget(m_fromEnabled);
    layout->addWidget(m_from);
    layout->addWidget(m_toEnabled);
    layout->addWidget(m_to);
    layout->addStretch(1);

    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(top);
    rows->addLayout(layout);
}

void ActivityFilterBar::setLogPath(const QString &path)
{
    QString shown = QDir::toNativeSeparators(path);
#if defined(Q_OS_UNIX)
    const QString home = QDir::homePath();
    if (path.startsWith(home + u'/'))
        shown = u'~' + path.mid(home.size()); // as a shell would write it
#endif
    m_path->setText(shown);
    m_path->setToolTip(plainToolTip(QDir::toNativeSeparators(path)));
}

QString ActivityFilterBar::caseText() const
{
    return m_case->text().trimmed();
}

QString ActivityFilterBar::action() const
{
    return m_action->currentData().toString();
}

QDate ActivityFilterBar::from() const
{
    return m_fromEnabled->isChecked() ? m_from->date() : QDate();
}

QDate ActivityFilterBar::to() const
{
    return m_toEnabled->isChecked() ? m_to->date() : QDate();
}

void ActivityFilterBar::setCount(int shown, int total)
{
    m_count->setText(shown == total ? tr("Actions: %1").arg(total)
                                    : tr("Showing %1 of %2").arg(shown).arg(total));
}

void ActivityFilterBar::setExportEnabled(bool enabled)
{
    m_export->setEnabled(enabled);
}

} // namespace mcdesk::ui
