#include "ui/common/widgets.h"

#include <algorithm>

#include "ui/common/palette.h"

#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::widgets {

QDateTimeEdit *dateTimeEdit(const QString &objectName, const QDateTime &utc, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    edit->setCalendarPopup(true);
    if (utc.isValid())
        edit->setDateTime(utc.toLocalTime());
    return edit;
}

QTableView *makeTable(const QString &objectName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside it
    return table;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QLabel *stateLabel(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(label->fontMetrics().height() * 2);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *hintLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, palette::statusColor(palette::Status::Bad, p));
    label->setPalette(p);
    label->hide();
    return label;
}

int columnWidth(const QWidget *widget, const QString &sample)
{
    const QFontMetrics metrics = widget->fontMetrics();
    return metrics.horizontalAdvance(sample) + metrics.averageCharWidth() * 3;
}

QString inFormWords(const QString &problem, FlagLabels flagLabels)
{
    std::sort(flagLabels.begin(), flagLabels.end(),
              [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    QString text = problem;
    for (const auto &[flag, label] : std::as_const(flagLabels))
        text.replace(flag, label);
    return text;
}

} // namespace mcdesk::ui::widgets
