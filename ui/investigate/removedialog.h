#pragma once

#include "core/respond/remediation.h"

#include <QDialog>

#include <functional>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mcdesk::ui {

// Asks for what a remediation needs before anything is sent: the reason Mimecast keeps with
// the incident (required), the date range it searches, and, for a URL, the URL. It says what
// will be searched for; the page then asks a confirmation that names what and how many.
class RemoveDialog : public QDialog
{
    Q_OBJECT
public:
    // `request` says the target (its Message-IDs, hash or URL); `scope` says what they are in
    // the analyst's words ("3 Message-IDs of the 5 selected messages").
    RemoveDialog(const respond::RemediationRequest &request, const QString &scope,
                 const QDateTime &nowUtc, QWidget *parent = nullptr);

    // The request as filled in, checked by RemediationRequest::validate (valid when accepted).
    respond::RemediationRequest request() const { return m_request; }

    void accept() override;

private:
    void updateConfirm();

    respond::RemediationRequest m_request;
    QDateTime m_now;
    QLineEdit *m_reason;
    QLineEdit *m_url = nullptr;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLabel *m_what;
    QLabel *m_error;
    QPushButton *m_confirm;
};

} // namespace mcdesk::ui
