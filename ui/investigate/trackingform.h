#pragma once

#include "core/respond/trackingquery.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mcdesk::ui {

// The Message Finder search: a Message-ID, or from / to / subject / sender IP; the route, a
// date range kept within TrackingQuery::kWindowDays (a note says when it was moved) and the
// search reason Mimecast keeps in its audit trail. Enter in any field searches.
class TrackingForm : public QWidget
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    explicit TrackingForm(QWidget *parent = nullptr);

    void setClock(Clock clock);
    QDateTime now() const;
    // What is typed; the dates as chosen (UTC).
    respond::TrackingQuery query() const;
    // Moves a start older than the window to its first day; shows the note when it moved.
    bool keepInWindow();
    // The problem next to the form; empty hides it.
    void showError(const QString &text);
    void resetDates(); // the last 24 hours
    // As far back as Message Finder goes: Find every copy does not know when copies arrived.
    void useWholeWindow();
    // A problem as the actions word it (with the CLI's --flags) in the form's own labels.
    static QString inFormWords(const QString &problem);
    void prefillMessageId(const QString &messageId);
    void prefillSenderSubject(const QString &sender, const QString &subject);

signals:
    void searchRequested();

private:
    QLineEdit *addLine(const QString &name, const QString &placeholder);

    Clock m_clock;
    QLineEdit *m_messageId;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLineEdit *m_subject;
    QLineEdit *m_senderIp;
    QComboBox *m_route;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLineEdit *m_reason;
    QPushButton *m_search;
    QLabel *m_clampNote;
    QLabel *m_error;
};

} // namespace mcdesk::ui
