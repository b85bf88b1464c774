#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace mcdesk::ui::builder {

class UndoShortcutFilter;

// The <return-fields> (objectName builderReturnFields): a checklist of the fields Mimecast
// documents plus any custom names, in a grid; checking appends a field, so the line below the
// grid shows the order the results' columns will have.
class ReturnFieldList : public QWidget
{
    Q_OBJECT
public:
    explicit ReturnFieldList(UndoShortcutFilter *filter, QWidget *parent = nullptr);

    void setFields(const QStringList &fields);
    QCheckBox *checkBox(const QString &field) const { return m_boxes.value(field); }

signals:
    void fieldsEdited(const QStringList &fields);

private:
    QCheckBox *ensureBox(const QString &field);
    void toggled(const QString &field, bool on);
    void addCustom();

    QStringList m_fields;
    QHash<QString, QCheckBox *> m_boxes;
    QGridLayout *m_grid;
    QLabel *m_order;
    QLineEdit *m_custom;
};

} // namespace mcdesk::ui::builder
