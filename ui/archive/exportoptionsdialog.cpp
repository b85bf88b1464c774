#include "ui/archive/exportoptionsdialog.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ExportOptionsDialog::ExportOptionsDialog(const QString &formatName, const QStringList &labels,
                                         const QStringList &fields, int shownRows, int selectedRows,
                                         QWidget *parent)
    : QDialog(parent)
    , m_columns(new QListWidget(this))
    , m_all(new QRadioButton(this))
    , m_selection(new QRadioButton(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"exportOptionsDialog"_s);
    setWindowTitle(tr("Export to %1").arg(formatName));

    m_columns->setObjectName(u"exportColumns"_s);
    for (int i = 0; i < labels.size(); ++i) {
        auto *item = new QListWidgetItem(labels.at(i), m_columns);
        item->setData(Qt::UserRole, i);
        item->setToolTip(tr("Written as \"%1\"").arg(fields.value(i)));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_columns->setMinimumHeight(m_columns->sizeHintForRow(0) * (int(labels.size()) + 1));
    connect(m_columns, &QListWidget::itemChanged, this, &ExportOptionsDialog::updateOk);

    auto *checkAll = new QPushButton(tr("All"), this);
    auto *checkNone = new QPushButton(tr("None"), this);
    const auto checkEvery = [this](Qt::CheckState state) {
        for (int i = 0; i < m_columns->count(); ++i)
            m_columns->item(i)->setCheckState(state);
    };
    connect(checkAll, &QPushButton::clicked, this, [checkEvery] { checkEvery(Qt::Checked); });
    connect(checkNone, &QPushButton::clicked, this, [checkEvery] { checkEvery(Qt::Unchecked); });
    auto *columnButtons = new QHBoxLayout;
    columnButtons->addWidget(checkAll);
    columnButtons->addWidget(checkNone);
    columnButtons->addStretch();

    auto *columnsBox = new QGroupBox(tr("Columns"), this);
    auto *columnsLayout = new QVBoxLayout(columnsBox);
    columnsLayout->addWidget(m_columns);
    columnsLayout->addLayout(columnButtons);

    m_all->setObjectName(u"exportAllRows"_s);
    m_all->setText(tr("All rows shown (%L1)").arg(shownRows));
    m_all->setChecked(true);
    m_selection->setObjectName(u"exportSelectedRows"_s);
    m_selection->setText(tr("Selected rows only (%L1)").arg(selectedRows));
    m_selection->setEnabled(selectedRows > 0);
    auto *rowsBox = new QGroupBox(tr("Rows"), this);
    auto *rowsLayout = new QVBoxLayout(rowsBox);
    rowsLayout->addWidget(m_all);
    rowsLayout->addWidget(m_selection);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(columnsBox, 1);
    layout->addWidget(rowsBox);
    layout->addWidget(m_buttons);
    updateOk();
}

QList<int> ExportOptionsDialog::columns() const
{
    QList<int> out;
    for (int i = 0; i < m_columns->count(); ++i)
        if (m_columns->item(i)->checkState() == Qt::Checked)
            out << m_columns->item(i)->data(Qt::UserRole).toInt();
    return out;
}

bool ExportOptionsDialog::selectionOnly() const
{
    return m_selection->isChecked();
}

void ExportOptionsDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!columns().isEmpty());
}

} // namespace mcdesk::ui
