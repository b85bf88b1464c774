#pragma once

#include <QDialog>

class QDialogButtonBox;
class QListWidget;
class QRadioButton;

namespace mcdesk::ui {

// Asks what to export: which columns (all checked at first, in grid order) and whether all the
// rows shown or only the selected ones.
class ExportOptionsDialog : public QDialog
{
    Q_OBJECT
public:
    // `labels` and `fields` are parallel: what the grid shows and what the file's header says.
    ExportOptionsDialog(const QString &formatName, const QStringList &labels,
                        const QStringList &fields, int shownRows, int selectedRows,
                        QWidget *parent = nullptr);

    QList<int> columns() const; // indexes of the checked columns
    bool selectionOnly() const;

private:
    void updateOk();

    QListWidget *m_columns;
    QRadioButton *m_all;
    QRadioButton *m_selection;
    QDialogButtonBox *m_buttons;
};

} // namespace mcdesk::ui
