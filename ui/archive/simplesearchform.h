#pragma once

#include "core/archive/simplesearch.h"
#include "ui/archive/timeframeeditor.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mcdesk::ui {

class AddressListEdit;
class ReturnFieldsList;

// The seed's Simple Archive Search as a form: time frame, from, to, subject, mailboxes, maximum
// emails and fields to return; Run, Show XML and Open in builder. Addresses are checked as they
// are typed with the same rules the query builder applies (archive::build), so what the form
// accepts is what Run accepts.
class SimpleSearchForm : public QWidget
{
    Q_OBJECT
public:
    explicit SimpleSearchForm(QWidget *parent = nullptr);

    archive::SimpleSearch search() const;
    // Validates and builds the query as of now (the time frame's clock).
    archive::BuildResult build() const;
    // Shows why the form was refused under the buttons and puts the cursor in the field it
    // names ("From: …"); an empty error clears it.
    void showError(const QString &error);
    // From = address, Last Month, every other condition cleared.
    void prefillSender(const QString &address);

    TimeFrameEditor *timeFrame() const { return m_timeFrame; }
    ReturnFieldsList *returnFields() const { return m_fields; }

signals:
    void runRequested();
    void showXmlRequested();
    void openInBuilderRequested();
    void changed();

private:
    QWidget *fieldFor(const QString &error) const;

    TimeFrameEditor *m_timeFrame;
    AddressListEdit *m_from;
    AddressListEdit *m_to;
    QLineEdit *m_subject;
    AddressListEdit *m_mailboxes;
    QSpinBox *m_max;
    ReturnFieldsList *m_fields;
    QLabel *m_error;
    QPushButton *m_run;
    QPushButton *m_showXml;
    QPushButton *m_openInBuilder;
};

} // namespace mcdesk::ui
