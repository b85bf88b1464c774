#include "ui/archive/returnfieldslist.h"

#include "core/archive/simplesearch.h"
#include "ui/archive/archiveresultsmodel.h"

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ReturnFieldsList::ReturnFieldsList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(u"returnFields"_s);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // In the grid's reading order, named as the grid names them and as the XML does.
    for (const QString &field :
         ArchiveResultsModel::orderedFields(archive::documentedReturnFields())) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(ArchiveResultsModel::fieldLabel(field), field), this);
        item->setData(Qt::UserRole, field);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    }
    resetToDefaults();
    connect(this, &QListWidget::itemChanged, this, &ReturnFieldsList::fieldsChanged);
}

QStringList ReturnFieldsList::fields() const
{
    // In the documented order, whatever order the list shows.
    QStringList checked;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked)
            checked << item(i)->data(Qt::UserRole).toString();
    QStringList out;
    for (const QString &field : archive::documentedReturnFields())
        if (checked.contains(field))
            out << field;
    return out;
}

void ReturnFieldsList::setFields(const QStringList &fields)
{
    const QSignalBlocker block(this);
    for (int i = 0; i < count(); ++i)
        item(i)->setCheckState(
            fields.contains(item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    emit fieldsChanged();
}

void ReturnFieldsList::resetToDefaults()
{
    setFields(archive::defaultReturnFields());
}

QSize ReturnFieldsList::sizeHint() const
{
    // Every field visible without scrolling.
    const int height = count() * sizeHintForRow(0) + 2 * frameWidth() + 2;
    return {QListWidget::sizeHint().width(), height};
}

} // namespace mcdesk::ui
