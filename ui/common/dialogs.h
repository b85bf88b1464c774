#pragma once

#include <QList>
#include <QPixmap>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

// Every modal the app shows: a confirmation, an information box, a file to save or open, a line
// of text. Each is window-modal on its parent's window (the other windows keep working) and
// shows plain text only, since names and policy text may come from the server.
//
// The test seam: while a script runs (startScript(), or tests/support/dialogscript.h), no
// dialog is shown. Each call takes the next answer queued for its kind and records what it
// asked; a call with no answer queued gets the cancel answer and a qWarning, so a test that
// forgets one fails instead of hanging on an invisible dialog.
namespace mcdesk::ui::dialogs {

// A question with one accept button. Cancel (or No) and Escape decline.
struct Question
{
    QString title;
    QString text;
    QString informativeText;
    // The accept button's label; empty: the standard Yes and No buttons.
    QString acceptLabel;
    // Deleting something: a warning icon, and Cancel is the default so a stray Enter declines.
    // Otherwise the accept button is the default.
    bool destructive = false;
    // The box's objectName; the accept button's is this + "Button".
    QString objectName = QStringLiteral("confirmBox");
};

struct Message
{
    QString title;
    QString text;
    QString informativeText;
    QPixmap iconPixmap; // null: the information icon
    QString objectName = QStringLiteral("messageBox");
};

struct FileRequest
{
    QString title;
    QString suggested; // a directory, or a file path whose name is preselected
    QString filter;    // "CSV files (*.csv);;All files (*)"
    QString objectName = QStringLiteral("fileDialog");
};

struct TextRequest
{
    QString title;
    QString label;
    QString text; // the initial value
    QString objectName = QStringLiteral("textInput");
};

// True when the analyst chose the accept button.
bool confirm(QWidget *parent, const Question &question);
void information(QWidget *parent, const Message &message);
// Qt's own About Qt box. Qt builds it inside a static call, so it stays application-modal.
void aboutQt(QWidget *parent);
// The chosen path; empty when cancelled.
QString saveFileName(QWidget *parent, const FileRequest &request);
QString openFileName(QWidget *parent, const FileRequest &request);
// The text entered (possibly empty); nullopt when cancelled.
std::optional<QString> askText(QWidget *parent, const TextRequest &request);

// ---- Test seam ----

enum class Kind { Confirm, Information, SaveFile, OpenFile, Text };

// What a dialog asked, as the analyst would have seen it.
struct Asked
{
    Kind kind = Kind::Confirm;
    QString title;
    QString text;            // Question/Message text, TextRequest label
    QString informativeText; // Question/Message only
    QString acceptLabel;     // Question only
    QString suggested;       // FileRequest suggested, TextRequest initial text
    QString filter;          // FileRequest only
    QString objectName;
    bool destructive = false;
};

// Starts a script: dialogs stop being shown, queues and the record are emptied. Scripts nest;
// only the outermost endScript() ends it.
void startScript();
// Ends the script; returns its problems: dialogs that found no answer, answers nobody used.
QStringList endScript();
bool isScripted();

void setNextConfirm(bool accept);
void setNextSaveFileName(const QString &path); // empty: cancelled
void setNextOpenFileName(const QString &path); // empty: cancelled
void setNextText(const std::optional<QString> &text);
// Everything asked since the script started, oldest first (information boxes need no answer).
QList<Asked> asked();
// The asked() entries of one kind.
QList<Asked> asked(Kind kind);
QString kindName(Kind kind);

} // namespace mcdesk::ui::dialogs
