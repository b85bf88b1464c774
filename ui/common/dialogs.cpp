#include "ui/common/dialogs.h"

#include "ui/common/uilogging.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::dialogs {

namespace {

// The script's state. Dialogs live on the GUI thread only, so no lock.
struct Script
{
    int depth = 0;
    QList<bool> confirms;
    QStringList saveFiles;
    QStringList openFiles;
    QList<std::optional<QString>> texts;
    QList<Asked> asked;
    QStringList problems;
};

Script &script()
{
    static Script s;
    return s;
}

// Queued outside a script, an answer would wait while a real dialog shows: say so.
template<typename T> void queue(QList<T> &answers, const T &answer, const char *what)
{
    if (!isScripted())
        qCWarning(lcUi, "dialogs: %s called outside a script; real dialogs are shown", what);
    answers.append(answer);
}

// Records the question and takes its answer; with none queued, the cancel answer and a
// warning (tests fail on warnings), never a dialog nobody can see.
template<typename T> T take(QList<T> &queue, const Asked &asked, const T &cancel)
{
    Script &s = script();
    s.asked.append(asked);
    if (queue.isEmpty()) {
        const QString problem = u"no answer queued for the %1 \"%2\"; it was cancelled"_s.arg(
            kindName(asked.kind), asked.title);
        s.problems << problem;
        qCWarning(lcUi).noquote() << "dialogs:" << problem;
        return cancel;
    }
    return queue.takeFirst();
}

Asked fileAsked(Kind kind, const FileRequest &r)
{
    Asked a;
    a.kind = kind;
    a.title = r.title;
    a.suggested = r.suggested;
    a.filter = r.filter;
    a.objectName = r.objectName;
    return a;
}

QString runFileDialog(QWidget *parent, const FileRequest &r, bool save)
{
    // A QPointer: the parent may be destroyed while the dialog's event loop runs.
    QPointer<QFileDialog> dialog = new QFileDialog(parent, r.title, r.suggested, r.filter);
    dialog->setObjectName(r.objectName);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setWindowModality(Qt::WindowModal);
    const bool accepted = dialog->exec() == QDialog::Accepted;
    const QString path = accepted && dialog ? dialog->selectedFiles().value(0) : QString();
    delete dialog;
    return path;
}

} // namespace

bool confirm(QWidget *parent, const Question &q)
{
    if (isScripted()) {
        Asked a;
        a.kind = Kind::Confirm;
        a.title = q.title;
        a.text = q.text;
        a.informativeText = q.informativeText;
        a.acceptLabel = q.acceptLabel;
        a.objectName = q.objectName;
        a.destructive = q.destructive;
        return take(script().confirms, a, false);
    }
    QPointer<QMessageBox> box =
        new QMessageBox(q.destructive ? QMessageBox::Warning : QMessageBox::Question, q.title,
                        q.text, QMessageBox::NoButton, parent);
    box->setObjectName(q.objectName);
    box->setTextFormat(Qt::PlainText);
    if (!q.informativeText.isEmpty())
        box->setInformativeText(q.informativeText);
    QPushButton *accept = nullptr;
    QPushButton *decline = nullptr;
    if (q.acceptLabel.isEmpty()) {
        // As QMessageBox::question: Yes and No, the default left to the style.
        accept = box->addButton(QMessageBox::Yes);
        decline = box->addButton(QMessageBox::No);
        if (q.destructive)
            box->setDefaultButton(decline);
    } else {
        accept = box->addButton(q.acceptLabel, q.destructive ? QMessageBox::DestructiveRole
                                                             : QMessageBox::AcceptRole);
        decline = box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(q.destructive ? decline : accept);
    }
    accept->setObjectName(q.objectName + u"Button"_s);
    decline->setObjectName(q.objectName + u"Decline"_s);
    box->setEscapeButton(decline);
    box->setWindowModality(Qt::WindowModal);
    box->exec();
    const bool yes = box && box->clickedButton() == accept;
    delete box;
    return yes;
}

void information(QWidget *parent, const Message &m)
{
    if (isScripted()) {
        // Nothing to answer: it has only OK. Recorded for the tests to check.
        Asked a;
        a.kind = Kind::Information;
        a.title = m.title;
        a.text = m.text;
        a.informativeText = m.informativeText;
        a.objectName = m.objectName;
        script().asked.append(a);
        return;
    }
    QPointer<QMessageBox> box = new QMessageBox(parent);
    box->setObjectName(m.objectName);
    box->setWindowTitle(m.title);
    if (m.iconPixmap.isNull())
        box->setIcon(QMessageBox::Information);
    else
        box->setIconPixmap(m.iconPixmap);
    box->setTextFormat(Qt::PlainText);
    box->setText(m.text);
    if (!m.informativeText.isEmpty())
        box->setInformativeText(m.informativeText);
    box->setWindowModality(Qt::WindowModal);
    box->exec();
    delete box;
}

void aboutQt(QWidget *parent)
{
    if (isScripted()) {
        Asked a;
        a.kind = Kind::Information;
        a.title = u"About Qt"_s;
        a.objectName = u"aboutQtBox"_s;
        script().asked.append(a);
        return;
    }
    QMessageBox::aboutQt(parent);
}

QString saveFileName(QWidget *parent, const FileRequest &request)
{
    if (isScripted())
        return take(script().saveFiles, fileAsked(Kind::SaveFile, request), QString());
    return runFileDialog(parent, request, true);
}

QString openFileName(QWidget *parent, const FileRequest &request)
{
    if (isScripted())
        return take(script().openFiles, fileAsked(Kind::OpenFile, request), QString());
    return runFileDialog(parent, request, false);
}

std::optional<QString> askText(QWidget *parent, const TextRequest &r)
{
    if (isScripted()) {
        Asked a;
        a.kind = Kind::Text;
        a.title = r.title;
        a.text = r.label;
        a.suggested = r.text;
        a.objectName = r.objectName;
        return take(script().texts, a, std::optional<QString>());
    }
    QPointer<QInputDialog> dialog = new QInputDialog(parent);
    dialog->setObjectName(r.objectName);
    dialog->setWindowTitle(r.title);
    dialog->setLabelText(r.label);
    dialog->setTextEchoMode(QLineEdit::Normal);
    dialog->setTextValue(r.text);
    dialog->setWindowModality(Qt::WindowModal);
    const bool accepted = dialog->exec() == QDialog::Accepted;
    std::optional<QString> text;
    if (accepted && dialog)
        text = dialog->textValue();
    delete dialog;
    return text;
}

void startScript()
{
    Script &s = script();
    if (s.depth == 0)
        s = Script();
    ++s.depth;
}

QStringList endScript()
{
    Script &s = script();
    if (s.depth == 0 || --s.depth > 0)
        return {};
    QStringList problems = s.problems;
    const auto unused = [&](qsizetype n, Kind kind) {
        if (n > 0)
            problems << u"%1 %2 answer(s) queued but never asked for"_s.arg(n).arg(kindName(kind));
    };
    unused(s.confirms.size(), Kind::Confirm);
    unused(s.saveFiles.size(), Kind::SaveFile);
    unused(s.openFiles.size(), Kind::OpenFile);
    unused(s.texts.size(), Kind::Text);
    s = Script();
    return problems;
}

bool isScripted()
{
    return script().depth > 0;
}

void setNextConfirm(bool accept)
{
    queue(script().confirms, accept, "setNextConfirm");
}

void setNextSaveFileName(const QString &path)
{
    queue(script().saveFiles, path, "setNextSaveFileName");
}

void setNextOpenFileName(const QString &path)
{
    queue(script().openFiles, path, "setNextOpenFileName");
}

void setNextText(const std::optional<QString> &text)
{
    queue(script().texts, text, "setNextText");
}

QList<Asked> asked()
{
    return script().asked;
}

QList<Asked> asked(Kind kind)
{
    QList<Asked> out;
    for (const Asked &a : std::as_const(script().asked))
        if (a.kind == kind)
            out << a;
    return out;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Confirm:
        return u"confirmation"_s;
    case Kind::Information:
        return u"information box"_s;
    case Kind::SaveFile:
        return u"save-file dialog"_s;
    case Kind::OpenFile:
        return u"open-file dialog"_s;
    case Kind::Text:
        return u"text input"_s;
    }
    return {};
}

} // namespace mcdesk::ui::dialogs
