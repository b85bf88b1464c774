// ui/common/dialogs.h: the real modals (window-modal, plain text, the default buttons, the file
// dialogs' filters and suggested names) and the test seam every other GUI test answers them
// through (answers in order, what was asked recorded, a forgotten answer cancels and warns).
#include "tests/support/guitestsupport.h"
#include "ui/common/dialogs.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace mcdesk;
namespace dialogs = mcdesk::ui::dialogs;

namespace {

// Runs `act` on the visible dialog T called `name` from inside its event loop; `act` reads
// what it needs and must close the dialog. A dialog still open after 10 s is rejected, so a
// failing check ends in a failed test, not a hang.
template<typename T> void whenShown(const QString &name, std::function<void(T *)> act)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, name, act] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<T *>(w);
            if (dialog && dialog->objectName() == name && dialog->isVisible()) {
                poll->deleteLater();
                poll->stop();
                act(dialog);
                return;
            }
        }
    });
    poll->start();
    QTimer::singleShot(10000, qApp, [name] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<QDialog *>(w);
                d && d->objectName() == name && d->isVisible())
                d->reject();
    });
}

// What a message box showed, read while it was open.
struct BoxSeen
{
    bool shown = false;
    Qt::WindowModality modality = Qt::NonModal;
    QWidget *parent = nullptr;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    Qt::TextFormat format = Qt::AutoText;
    QString title, text, informative, acceptText, defaultName, escapeName;
    QMessageBox::ButtonRole acceptRole = QMessageBox::InvalidRole;
};

BoxSeen readBox(QMessageBox *box)
{
    BoxSeen s;
    s.shown = true;
    s.modality = box->windowModality();
    s.parent = box->parentWidget();
    s.icon = box->icon();
    s.format = box->textFormat();
    s.title = box->windowTitle();
    s.text = box->text();
    s.informative = box->informativeText();
    if (auto *accept = box->findChild<QPushButton *>(box->objectName() + u"Button"_s)) {
        s.acceptText = accept->text();
        s.acceptRole = box->buttonRole(accept);
    }
    if (box->defaultButton())
        s.defaultName = box->defaultButton()->objectName();
    if (box->escapeButton())
        s.escapeName = box->escapeButton()->objectName();
    return s;
}

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        testing::failOnUnexpectedWarnings();
        m_window = std::make_unique<QWidget>();
        m_window->setObjectName(u"dialogsTestWindow"_s);
        m_window->resize(640, 480);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void destructiveConfirmDefaultsToCancel()
    {
        QVERIFY(!dialogs::isScripted());
        dialogs::Question q;
        q.title = u"Delete Connection"_s;
        q.text = u"Delete the connection <b>Lab</b>?"_s;
        q.informativeText = u"This cannot be undone."_s;
        q.acceptLabel = u"&Delete"_s;
        q.destructive = true;
        q.objectName = u"destructiveBox"_s;

        BoxSeen seen;
        whenShown<QMessageBox>(q.objectName, [&](QMessageBox *box) {
            seen = readBox(box);
            testing::saveShot(box, u"dialogs-destructive-confirm"_s);
            QTest::keyClick(box, Qt::Key_Return); // a stray Enter
        });
        QVERIFY(!dialogs::confirm(m_window.get(), q));
        QVERIFY(seen.shown);
        QCOMPARE(seen.modality, Qt::WindowModal);
        QCOMPARE(seen.parent, m_window.get());
        QCOMPARE(seen.icon, QMessageBox::Warning);
        QCOMPARE(seen.format, Qt::PlainText); // the <b> shows as typed
        QCOMPARE(seen.title, q.title);
        QCOMPARE(seen.text, q.text);
        QCOMPARE(seen.informative, q.informativeText);
        QCOMPARE(seen.acceptText, q.acceptLabel);
        QCOMPARE(seen.acceptRole, QMessageBox::DestructiveRole);
        QCOMPARE(seen.defaultName, u"destructiveBoxDecline"_s);
        QCOMPARE(seen.escapeName, u"destructiveBoxDecline"_s);

        whenShown<QMessageBox>(q.objectName, [](QMessageBox *box) {
            box->findChild<QPushButton *>(u"destructiveBoxButton"_s)->click();
        });
        QVERIFY(dialogs::confirm(m_window.get(), q));
    }

    void confirmWithALabelDefaultsToIt()
    {
        dialogs::Question q;
        q.title = u"Release"_s;
        q.text = u"Release 3 held messages?"_s;
        q.acceptLabel = u"Release 3"_s;
        q.objectName = u"labelBox"_s;
        BoxSeen seen;
        whenShown<QMessageBox>(q.objectName, [&](QMessageBox *box) {
            seen = readBox(box);
            QTest::keyClick(box, Qt::Key_Return);
        });
        QVERIFY(dialogs::confirm(m_window.get(), q));
        QCOMPARE(seen.modality, Qt::WindowModal);
        QCOMPARE(seen.icon, QMessageBox::Question);
        QCOMPARE(seen.acceptRole, QMessageBox::AcceptRole);
        QCOMPARE(seen.defaultName, u"labelBoxButton"_s);
        QCOMPARE(seen.escapeName, u"labelBoxDecline"_s);

        whenShown<QMessageBox>(q.objectName,
                               [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
        QVERIFY(!dialogs::confirm(m_window.get(), q));
    }

    void confirmWithoutALabelAsksYesOrNo()
    {
        dialogs::Question q;
        q.title = u"Query builder"_s;
        q.text = u"Delete the saved query \"x\"?"_s;
        q.objectName = u"yesNoBox"_s;
        QMessageBox::StandardButtons buttons;
        Qt::WindowModality modality = Qt::NonModal;
        whenShown<QMessageBox>(q.objectName, [&](QMessageBox *box) {
            buttons = box->standardButtons();
            modality = box->windowModality();
            box->button(QMessageBox::No)->click();
        });
        QVERIFY(!dialogs::confirm(m_window.get(), q));
        QCOMPARE(buttons, QMessageBox::Yes | QMessageBox::No);
        QCOMPARE(modality, Qt::WindowModal);
        whenShown<QMessageBox>(q.objectName,
                               [](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QVERIFY(dialogs::confirm(m_window.get(), q));
    }

    void informationShowsPlainText()
    {
        dialogs::Message m;
        m.title = u"About Mimecast Triage Desk"_s;
        m.text = u"Mimecast Triage Desk 1.0"_s;
        m.informativeText = u"Audit log: /tmp/a.jsonl"_s;
        m.objectName = u"infoBox"_s;
        BoxSeen seen;
        whenShown<QMessageBox>(m.objectName, [&](QMessageBox *box) {
            seen = readBox(box);
            box->button(QMessageBox::Ok)->click();
        });
        dialogs::information(m_window.get(), m);
        QVERIFY(seen.shown);
        QCOMPARE(seen.modality, Qt::WindowModal);
        QCOMPARE(seen.icon, QMessageBox::Information);
        QCOMPARE(seen.format, Qt::PlainText);
        QCOMPARE(seen.title, m.title);
        QCOMPARE(seen.informative, m.informativeText);
    }

    void saveFileSuggestsTheNameAndFilters()
    {
        QTemporaryDir dir;
        const QString suggested = dir.filePath(u"held-messages-2026-03-01.csv"_s);
        struct
        {
            Qt::WindowModality modality = Qt::NonModal;
            QFileDialog::AcceptMode mode = QFileDialog::AcceptOpen;
            QStringList filters, selected;
            QString title;
        } seen;
        whenShown<QFileDialog>(u"saveDialog"_s, [&](QFileDialog *d) {
            seen.modality = d->windowModality();
            seen.mode = d->acceptMode();
            seen.filters = d->nameFilters();
            seen.selected = d->selectedFiles();
            seen.title = d->windowTitle();
            static_cast<QDialog *>(d)->accept(); // QFileDialog's own accept() is protected
        });
        const QString path =
            dialogs::saveFileName(m_window.get(), {u"Export held messages"_s, suggested,
                                                   u"CSV files (*.csv)"_s, u"saveDialog"_s});
        QCOMPARE(seen.modality, Qt::WindowModal);
        QCOMPARE(seen.mode, QFileDialog::AcceptSave);
        QCOMPARE(seen.filters, QStringList{u"CSV files (*.csv)"_s});
        QCOMPARE(seen.title, u"Export held messages"_s);
        QCOMPARE(seen.selected, QStringList{suggested});
        QCOMPARE(path, suggested);

        whenShown<QFileDialog>(u"saveDialog"_s, [](QFileDialog *d) { d->reject(); });
        QVERIFY(dialogs::saveFileName(m_window.get(), {u"Export"_s, suggested, {}, u"saveDialog"_s})
                    .isEmpty());
    }

    void openFileReturnsTheChosenFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"senders.csv"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QFileDialog::FileMode mode = QFileDialog::AnyFile;
        QStringList filters;
        whenShown<QFileDialog>(u"openDialog"_s, [&](QFileDialog *d) {
            mode = d->fileMode();
            filters = d->nameFilters();
            // Typed, as the analyst would: selectFile() waits for the directory to be listed.
            d->findChild<QLineEdit *>(u"fileNameEdit"_s)->setText(file);
            static_cast<QDialog *>(d)->accept();
        });
        const QString path = dialogs::openFileName(
            m_window.get(), {u"Import senders"_s, dir.path(),
                             u"CSV files (*.csv *.txt);;All files (*)"_s, u"openDialog"_s});
        QCOMPARE(mode, QFileDialog::ExistingFile);
        QCOMPARE(filters, (QStringList{u"CSV files (*.csv *.txt)"_s, u"All files (*)"_s}));
        QCOMPARE(QDir::cleanPath(path), QDir::cleanPath(file));
    }

    void askTextReturnsTheTextOrNothing()
    {
        QString label, initial;
        Qt::WindowModality modality = Qt::NonModal;
        whenShown<QInputDialog>(u"nameInput"_s, [&](QInputDialog *d) {
            label = d->labelText();
            initial = d->textValue();
            modality = d->windowModality();
            d->setTextValue(u"EU"_s);
            d->accept();
        });
        const dialogs::TextRequest request{u"Rename"_s, u"&New name:"_s, u"EU production"_s,
                                           u"nameInput"_s};
        QCOMPARE(dialogs::askText(m_window.get(), request), std::optional<QString>(u"EU"_s));
        QCOMPARE(label, u"&New name:"_s);
        QCOMPARE(initial, u"EU production"_s);
        QCOMPARE(modality, Qt::WindowModal);

        // Accepted empty is not cancelled: the caller tells the analyst what is wrong.
        whenShown<QInputDialog>(u"nameInput"_s, [](QInputDialog *d) {
            d->setTextValue({});
            d->accept();
        });
        QCOMPARE(dialogs::askText(m_window.get(), request), std::optional<QString>(QString()));
        whenShown<QInputDialog>(u"nameInput"_s, [](QInputDialog *d) { d->reject(); });
        QCOMPARE(dialogs::askText(m_window.get(), request), std::nullopt);
    }

    void scriptAnswersInOrderAndRecords()
    {
        testing::DialogScript script;
        dialogs::setNextConfirm(true);
        dialogs::setNextConfirm(false);
        dialogs::setNextSaveFileName(u"/tmp/a.csv"_s);
        dialogs::setNextText(u"Name"_s);
        dialogs::Question q;
        q.title = u"First"_s;
        QVERIFY(dialogs::confirm(m_window.get(), q));
        q.title = u"Second"_s;
        q.destructive = true;
        QVERIFY(!dialogs::confirm(m_window.get(), q));
        QCOMPARE(dialogs::saveFileName(m_window.get(),
                                       {u"Save"_s, u"/tmp/s.csv"_s, u"CSV"_s, u"scriptSave"_s}),
                 u"/tmp/a.csv"_s);
        QCOMPARE(
            dialogs::askText(m_window.get(), {u"Name it"_s, u"Name:"_s, u"old"_s, u"scriptText"_s}),
            std::optional<QString>(u"Name"_s));
        dialogs::information(m_window.get(), {u"Note"_s, u"Done"_s, {}, {}, u"scriptInfo"_s});
        for (QWidget *w : QApplication::topLevelWidgets()) // no dialog was ever made
            QVERIFY2(!qobject_cast<QDialog *>(w), qPrintable(w->objectName()));

        const QList<dialogs::Asked> asked = dialogs::asked();
        QCOMPARE(asked.size(), 5);
        QCOMPARE(asked.at(0).title, u"First"_s);
        QVERIFY(!asked.at(0).destructive);
        QCOMPARE(asked.at(1).title, u"Second"_s);
        QVERIFY(asked.at(1).destructive);
        QCOMPARE(asked.at(2).kind, dialogs::Kind::SaveFile);
        QCOMPARE(asked.at(2).suggested, u"/tmp/s.csv"_s);
        QCOMPARE(asked.at(2).filter, u"CSV"_s);
        QCOMPARE(asked.at(3).kind, dialogs::Kind::Text);
        QCOMPARE(asked.at(3).text, u"Name:"_s);
        QCOMPARE(asked.at(3).suggested, u"old"_s);
        QCOMPARE(asked.at(4).kind, dialogs::Kind::Information);
        QCOMPARE(dialogs::asked(dialogs::Kind::Confirm).size(), 2);
    }

    void forgottenAnswerCancelsAndWarns()
    {
        dialogs::startScript();
        const QRegularExpression warning(u"^dialogs: no answer queued for the .*cancelled$"_s);
        QTest::ignoreMessage(QtWarningMsg, warning);
        QTest::ignoreMessage(QtWarningMsg, warning);
        QTest::ignoreMessage(QtWarningMsg, warning);
        QTest::ignoreMessage(QtWarningMsg, warning);
        dialogs::Question q;
        q.title = u"Release"_s;
        QVERIFY(!dialogs::confirm(m_window.get(), q));
        QVERIFY(dialogs::saveFileName(m_window.get(), {u"Save"_s, {}, {}, u"s"_s}).isEmpty());
        QVERIFY(dialogs::openFileName(m_window.get(), {u"Open"_s, {}, {}, u"o"_s}).isEmpty());
        QCOMPARE(dialogs::askText(m_window.get(), {u"Name"_s, {}, {}, u"t"_s}), std::nullopt);
        const QStringList problems = dialogs::endScript();
        QCOMPARE(problems.size(), 4);
        QVERIFY(problems.first().contains(u"confirmation \"Release\""_s));
        QVERIFY(!dialogs::isScripted());
    }

    void unusedAnswersAreProblems()
    {
        dialogs::startScript();
        dialogs::setNextConfirm(true);
        dialogs::setNextOpenFileName(u"/tmp/x.csv"_s);
        const QStringList problems = dialogs::endScript();
        QCOMPARE(problems,
                 (QStringList{u"1 confirmation answer(s) queued but never asked for"_s,
                              u"1 open-file dialog answer(s) queued but never asked for"_s}));
        // And the next script starts empty.
        dialogs::startScript();
        QVERIFY(dialogs::asked().isEmpty());
        QVERIFY(dialogs::endScript().isEmpty());
    }

    void scriptsNest()
    {
        dialogs::startScript();
        dialogs::startScript();
        dialogs::setNextConfirm(true);
        QVERIFY(dialogs::endScript().isEmpty()); // the inner end does not end the script
        QVERIFY(dialogs::isScripted());
        QVERIFY(dialogs::confirm(m_window.get(), {}));
        QVERIFY(dialogs::endScript().isEmpty());
        QVERIFY(!dialogs::isScripted());
    }

private:
    std::unique_ptr<QWidget> m_window;
};

QTEST_MAIN(TestDialogs)
#include "test_dialogs.moc"
