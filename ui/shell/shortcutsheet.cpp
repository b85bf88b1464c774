#include "ui/shell/shortcutsheet.h"

#include "ui/common/page.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {

// "Re&ject (3)…\tF5" -> "Reject…": the menu text as read, without mnemonic, count or the
// shortcut a menu shows after a tab.
QString readable(QString text)
{
    text = text.section(u'\t', 0, 0);
    text.remove(QRegularExpression(u" \\(\\d+\\)"_s));
    return text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
}

QString placeOf(const QAction *action)
{
    for (const QObject *o = action->parent(); o; o = o->parent())
        if (const auto *page = qobject_cast<const Page *>(o))
            return page->title();
    return ShortcutSheet::tr("Everywhere");
}

} // namespace

QList<ShortcutSheet::Entry> ShortcutSheet::collect(const QWidget *window)
{
    QList<Entry> out;
    for (const QAction *action : window->findChildren<QAction *>()) {
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        // The window owns F5; a page's Refresh only shows it after a tab (heldactions.cpp).
        if (keys.isEmpty() || action->text().isEmpty())
            continue;
        out.append({placeOf(action), readable(action->text()), keys.join(u", "_s)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        const bool aEverywhere = a.place == tr("Everywhere");
        const bool bEverywhere = b.place == tr("Everywhere");
        if (aEverywhere != bEverywhere)
            return aEverywhere;
        return a.place < b.place;
    });
    return out;
}

ShortcutSheet::ShortcutSheet(QWidget *window)
    : QDialog(window)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"shortcutSheet"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_filter->setObjectName(u"shortcutFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by action or key"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(u"shortcutList"_s);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    QMap<QString, QTreeWidgetItem *> places;
    QList<QTreeWidgetItem *> order;
    for (const Entry &e : collect(window)) {
        QTreeWidgetItem *&group = places[e.place];
        if (!group) {
            group = new QTreeWidgetItem({e.place});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            order.append(group);
        }
        new QTreeWidgetItem(group, {e.action, e.keys});
    }
    m_list->addTopLevelItems(order);
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutSheet::applyFilter);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"shortcutSheetClose"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 36);
    m_filter->setFocus();
}

void ShortcutSheet::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = needle.isEmpty() ||
                               item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               item->text(1).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

} // namespace mcdesk::ui
