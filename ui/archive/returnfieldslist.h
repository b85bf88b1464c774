#pragma once

#include <QListWidget>

namespace mcdesk::ui {

// The documented return fields as a checklist, each with what it holds; the defaults checked.
class ReturnFieldsList : public QListWidget
{
    Q_OBJECT
public:
    explicit ReturnFieldsList(QWidget *parent = nullptr);

    QStringList fields() const; // checked, in the documented order
    void setFields(const QStringList &fields);
    void resetToDefaults();

    QSize sizeHint() const override;

signals:
    void fieldsChanged();
};

} // namespace mcdesk::ui
