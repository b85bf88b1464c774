#pragma once

#include "core/senders/blockedsenderpolicy.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mcdesk::ui {

// Asks for a new blocked-sender policy with exactly the options Mimecast's create-policy takes:
// the action, a description, which from address is matched, who it is from and to (a value
// only for the types that need one), when it starts and ends (or eternal), and whether it is
// enabled, bidirectional and overrides other policies.
//
// Create checks the input with BlockedSenderPolicy::validate() and shows the problem under the
// field it names; while anything is invalid nothing is requested. A valid policy is handed out
// through createRequested(); the owner sends it, keeps the dialog busy meanwhile and closes it
// on success or shows Mimecast's answer with showProblem().
class BlockedSenderPolicyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BlockedSenderPolicyDialog(QWidget *parent = nullptr);

    senders::BlockedSenderPolicy policy() const;
    void setBusy(bool busy);
    // A problem not tied to one field (Mimecast's refusal, a lost connection).
    void showProblem(const QString &text);
    // The problem shown now and the field it is under (null for a general one).
    QString problem() const { return m_problemText; }
    QWidget *problemField() const { return m_problemField; }

signals:
    void createRequested(const mcdesk::senders::BlockedSenderPolicy &policy);

private:
    void buildForms();
    QFormLayout *addForm(const QString &title, QLayout *column);
    // Adds `rowWidget` under `label` and a hidden hint row below it for `fields`.
    void addFieldRow(QFormLayout *form, const QString &label, QWidget *rowWidget,
                     const QList<QWidget *> &fields, const QString &hintName);
    void updateRows();
    bool check();
    void tryCreate();
    void showAt(QWidget *field, const QString &text);
    void clearProblem();
    void fitHeight();
    QWidget *fieldFor(const QString &problem) const;

    QComboBox *m_option;
    QLineEdit *m_description;
    QComboBox *m_fromPart;
    QComboBox *m_fromType;
    QLineEdit *m_fromValue;
    QComboBox *m_toType;
    QLineEdit *m_toValue;
    QCheckBox *m_fromEternal;
    QDateTimeEdit *m_start;
    QCheckBox *m_toEternal;
    QDateTimeEdit *m_end;
    QCheckBox *m_enabled;
    QCheckBox *m_bidirectional;
    QCheckBox *m_override;
    QLabel *m_general;
    QPushButton *m_create;
    QList<QFormLayout *> m_forms;
    QHash<QWidget *, QLabel *> m_hints;        // field -> its hint label
    QHash<QLabel *, QFormLayout *> m_hintForm; // hint label -> the form holding it
    QString m_problemText;
    QWidget *m_problemField = nullptr;
    bool m_tried = false; // after the first Create, problems follow the typing
    bool m_busy = false;
};

} // namespace mcdesk::ui
