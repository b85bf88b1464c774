// Pictures of the builder for review and the README: several rows with the preview, and the
// XML tab with an error marked. MCDESK_SCREENSHOT_DIR=/tmp/x keeps them. At the size they are
// taken (1400x860), the test checks the visual form's layout: the form is no wider than the
// scroll area shows (it has no horizontal scroll bar), condition rows do not overlap, and in
// each row the visible labels, buttons and editors do not overlap, stay inside the row and get
// at least their minimum size (so no text is cut).
#include "core/archive/archivequeryxml.h"
#include "tests/gui/builder/buildertestsupport.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
void save(QWidget *widget, const QString &name)
{
    testing::saveShot(widget, u"builder-"_s + name);
}

void type(ui::builder::ConditionRow *row, const QString &text)
{
    QTest::keyClicks(child<QLineEdit>(row, u"conditionValue"_s), text);
}

QString describe(const QWidget *w, const QRect &r)
{
    return u"%1 %2 at %3,%4 %5x%6"_s
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
        .arg(r.x())
        .arg(r.y())
        .arg(r.width())
        .arg(r.height());
}

bool isControl(const QWidget *w)
{
    return qobject_cast<const QLabel *>(w) || qobject_cast<const QAbstractButton *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QAbstractSpinBox *>(w);
}

// What the analyst reads or uses in `root`: visible labels, buttons and editors, not the parts
// inside one of them (a line edit's clear button, a date edit's own line edit).
QList<QWidget *> controls(QWidget *root)
{
    QList<QWidget *> out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->isWindow() || !w->isVisibleTo(root) || !isControl(w))
            continue;
        bool part = false;
        for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget())
            part = part || isControl(p);
        if (!part)
            out << w;
    }
    return out;
}

// Empty when the visual form lays out cleanly; otherwise one line per problem.
QStringList layoutProblems(testing::BuilderFixture &f)
{
    QStringList problems;
    auto *scroll = child<QScrollArea>(f.page(), u"builderFormScroll"_s);
    QWidget *form = scroll->widget();
    if (form->width() > scroll->viewport()->width())
        problems << u"the form is %1 px wide but only %2 px show"_s.arg(form->width())
                        .arg(scroll->viewport()->width());
    ui::builder::ConditionList *list = f.rows();
    QList<QRect> rowRects;
    for (int i = 0; i < list->rowCount(); ++i) {
        ui::builder::ConditionRow *row = f.row(i);
        const QRect rowRect(row->mapTo(list, QPoint(0, 0)), row->size());
        for (int j = 0; j < int(rowRects.size()); ++j)
            if (rowRect.intersects(rowRects.at(j)))
                problems << u"row %1 overlaps row %2"_s.arg(i + 1).arg(j + 1);
        rowRects << rowRect;
        if (rowRect.right() >= form->width())
            problems << u"row %1 ends past the form's right edge"_s.arg(i + 1);

        const QList<QWidget *> inRow = controls(row);
        if (inRow.size() < 3) // at least the number, the field and the value
            problems << u"row %1 shows %2 controls"_s.arg(i + 1).arg(inRow.size());
        QList<QRect> rects;
        for (QWidget *w : inRow)
            rects << QRect(w->mapTo(row, QPoint(0, 0)), w->size());
        for (int a = 0; a < int(inRow.size()); ++a) {
            const QWidget *w = inRow.at(a);
            const QString what = u"row %1: "_s.arg(i + 1) + describe(w, rects.at(a));
            if (!row->rect().contains(rects.at(a)))
                problems << what + u" is cut off by its row"_s;
            const QSize min = w->minimumSizeHint();
            const int minHeight =
                w->hasHeightForWidth() ? w->heightForWidth(w->width()) : min.height();
            if (w->width() < min.width() || w->height() < minHeight)
                problems << what + u" is smaller than its minimum %1x%2"_s.arg(min.width())
                                       .arg(minHeight);
            for (int b = a + 1; b < int(inRow.size()); ++b)
                if (rects.at(a).intersects(rects.at(b)))
                    problems << what + u" overlaps "_s + describe(inRow.at(b), rects.at(b));
        }
    }
    return problems;
}
} // namespace

class TestBuilderScreens : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void builderWithRows()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        QVERIFY(f.showActive());
        child<QPushButton>(page, u"addMailboxButton"_s)->click();
        QTest::keyClicks(child<QLineEdit>(page, u"mailboxAddress"_s), u"finance@corp.example"_s);
        type(f.addRow(u"From"_s), u"billing@evil-invoices.example, evil-invoices.example"_s);
        type(f.addRow(u"Subject"_s), u"Overdue invoice"_s);
        type(f.addRow(u"Sent to"_s), u"cfo@corp.example"_s);
        ui::builder::ConditionRow *docs = f.addRow(u"Attachments"_s);
        auto *select = child<QComboBox>(docs, u"docsSelect"_s);
        select->setCurrentIndex(select->findText(u"Documents"_s));
        emit select->activated(select->currentIndex());
        type(docs, u"remittance"_s);
        // A populated library: two saved queries and one run.
        for (const QString &saved : {u"Invoice fraud \u2014 March"_s, u"Phish wave INC-2041"_s}) {
            ui::dialogs::setNextText(saved);
            child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        }
        child<QPushButton>(page, u"runBuilderQuery"_s)->click();
        auto *date = f.inRow<QComboBox>(0, u"dateSelect"_s);
        date->setCurrentIndex(date->findText(u"Between…"_s));
        emit date->activated(date->currentIndex());
        f.inRow<QDateTimeEdit>(0, u"dateFrom"_s)
            ->setDateTime(QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC));
        f.inRow<QDateTimeEdit>(0, u"dateTo"_s)
            ->setDateTime(QDateTime(QDate(2026, 3, 9), QTime(18, 0), Qt::UTC));
        type(f.addRow(u"To"_s), u"bad@"_s); // one inline problem, as the analyst would see it
        QVERIFY(f.row(f.rows()->rowCount() - 1)->findChild<QLabel *>(u"rowProblem"_s)->isVisible());
        QVERIFY(page->previewXml().contains(u"evil-invoices.example"_s));
        // Waits for the queued relayout of the rows, then checks it.
        QStringList problems;
        QTRY_VERIFY2_WITH_TIMEOUT((problems = layoutProblems(f)).isEmpty(),
                                  qPrintable(problems.join(u'\n')), 5000);
        save(page, u"visual"_s);

        // A loaded query with parts kept as written.
        QVERIFY(page->loadXml(testing::readText(testing::archiveData(u"unknown-parts.xml"_s))));
        QVERIFY(f.rows()->rowCount() > 0);
        QTRY_VERIFY2_WITH_TIMEOUT((problems = layoutProblems(f)).isEmpty(),
                                  qPrintable(problems.join(u'\n')), 5000);
        save(page, u"kept"_s);
    }

    void advancedWithError()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        QVERIFY(f.showActive());
        f.mode()->setCurrentIndex(1);
        auto *editor = child<QPlainTextEdit>(page, u"advancedXml"_s);
        QString xml = testing::readText(testing::archiveData(u"simple-search.pretty.xml"_s));
        xml.replace(u"<text>to: victim@x.com</text>"_s, u"<text>to: victim@x.com</txt>"_s);
        editor->setPlainText(xml);
        QTRY_VERIFY(!child<QLabel>(page, u"xmlError"_s)->text().isEmpty());
        QVERIFY(child<QLabel>(page, u"xmlError"_s)->text().startsWith(u"line 17, column"_s));
        save(page, u"advanced-error"_s);
    }
};

QTEST_MAIN(TestBuilderScreens)
#include "test_builder_screens.moc"
