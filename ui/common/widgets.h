#pragma once

#include <QList>
#include <QString>
#include <QVariant>

class QDateTime;
class QDateTimeEdit;
class QLabel;
class QTableView;
class QWidget;

// Small builders shared by the pages, so their tables, titles, state notes and hints look the
// same everywhere.
namespace mcdesk::ui::widgets {

// A read-only, row-selecting table without a vertical header.
QTableView *makeTable(const QString &objectName, QWidget *parent);
// A bold plain-text heading.
QLabel *sectionTitle(const QString &text, QWidget *parent);
// A centred, greyed plain-text note for an empty, loading or error state.
QLabel *stateLabel(const QString &objectName, const QString &text, QWidget *parent);
// A hidden, red, plain-text, word-wrapped hint shown under the field it is about.
QLabel *hintLabel(const QString &objectName, QWidget *parent);
// A date and time to the minute with a calendar popup, set to `utc` shown in local time
// (an invalid `utc` leaves Qt's default).
QDateTimeEdit *dateTimeEdit(const QString &objectName, const QDateTime &utc, QWidget *parent);
// Tooltips that quote untrusted text: ui::plainToolTip() (plaintext.h).
// Width for `sample` in `widget`'s font, with a little room either side.
int columnWidth(const QWidget *widget, const QString &sample);
// A problem worded for the CLI ("--start is after --end") in a form's labels: each flag
// replaced by its label, longest flags first so none is cut by a shorter one.
using FlagLabels = QList<std::pair<QString, QString>>;
QString inFormWords(const QString &problem, FlagLabels flagLabels);

} // namespace mcdesk::ui::widgets
