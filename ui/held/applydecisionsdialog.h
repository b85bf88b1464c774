#pragma once

#include "ui/held/heldactionjob.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QRadioButton;

namespace mcdesk::ui {

// The one confirmation before decisions are sent: how many messages each action takes (and how
// many senders a permit or block names), the rejection reason once for every rejection (the
// last one used, preselected), and the permit trap: when a release & permit would permit a
// per-message bounce address of shared sending infrastructure, it says which and offers the
// From header address instead (chosen by default). Enter applies.
class ApplyDecisionsDialog : public QDialog
{
    Q_OBJECT
public:
    // `requests`: one per action, with its messages. `lastReason`: a documented reasonType or
    // empty.
    ApplyDecisionsDialog(QList<HeldActionRequest> requests, const QString &lastReason,
                         QWidget *parent = nullptr);

    // The requests with what the analyst chose: reason, note-less, notify, permit address.
    QList<HeldActionRequest> requests() const;
    QString reason() const;
    // True when some release & permit would fall into the permit trap.
    bool warnsOfPermitTrap() const { return m_trapped > 0; }

    // "20 to release · 5 to release & permit (5 senders)" lines, one per request.
    static QStringList countLines(const QList<HeldActionRequest> &requests);

private:
    QList<HeldActionRequest> m_requests;
    QComboBox *m_reason = nullptr;
    QCheckBox *m_notify = nullptr;
    QRadioButton *m_permitHeader = nullptr;
    int m_trapped = 0;
};

} // namespace mcdesk::ui
