#pragma once

#include "core/archive/archivequery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace mcdesk::ui::builder {

// The value part of a <date> row: a preset (today … last year) or Between with an optional
// start and end, both picked and shown in UTC because that is what the XML carries.
class DateFields : public QWidget
{
    Q_OBJECT
public:
    explicit DateFields(QWidget *parent = nullptr);

    // Shows `condition` without emitting anything; editors already showing it are not touched.
    void setCondition(const archive::Condition &condition);

signals:
    // The condition with the analyst's change; `field` names what changed (for merging).
    void edited(const archive::Condition &condition, const QString &field);
    void editFinished();

private:
    void selectChosen();
    void endToggled(bool from, bool on);
    void endEdited(bool from);
    void updateVisibility();

    archive::Condition m_condition;
    QComboBox *m_select;
    QWidget *m_range;
    QCheckBox *m_fromOn;
    QDateTimeEdit *m_from;
    QCheckBox *m_toOn;
    QDateTimeEdit *m_to;
    QLabel *m_zone;
};

} // namespace mcdesk::ui::builder
