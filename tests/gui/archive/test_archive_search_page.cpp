// The simple search form against an in-process simulator: it sends what was entered, nothing
// when the input is bad, Show XML is what goes on the wire; the builder's and the held queue's
// ways in (runXml, searchForSender).
#include "tests/gui/archive/archiverig.h"

using namespace Qt::StringLiterals;
using namespace mcdesk;
using namespace mcdesk::testing;

class TestArchiveSearchPage : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void identity()
    {
        Rig rig;
        QCOMPARE(rig.page.objectName(), u"page_archive"_s);
        QCOMPARE(rig.page.title(), u"Archive search"_s);
        QCOMPARE(rig.find<QSpinBox>(u"maxEmails"_s)->value(), 50);
        QCOMPARE(rig.page.results()->model()->columnCount(), 0);

        // Open in builder hands over the typed query the form builds; nothing is sent.
        QTest::keyClicks(rig.find<QLineEdit>(u"fromAddresses"_s), u"a@example.com"_s);
        QList<archive::ArchiveQuery> handed;
        QObject::connect(&rig.page, &ui::ArchiveSearchPage::openInBuilderRequested,
                         [&](const archive::ArchiveQuery &q) { handed << q; });
        QTest::mouseClick(rig.find<QPushButton>(u"openInBuilder"_s), Qt::LeftButton);
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed.first().conditions.first().value, u"from: a@example.com"_s);
        QStringList fields = handed.first().metadata.returnFields;
        QStringList defaults = archive::defaultReturnFields();
        fields.sort();
        defaults.sort();
        QCOMPARE(fields, defaults);
        QCOMPARE(rig.sim->requestCount(kSearchPath), 0);
    }

    void simpleFormSendsWhatWasEntered()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.setFrame(archive::TimeFrame::LastMonth);
        // A first, unfiltered run finds a sender and a word of its subject to search for.
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        ui::ArchiveResultsModel *model = rig.page.results()->model();
        QCOMPARE(model->rowCount(), 50);
        QCOMPARE(rig.sim->requestCount(kSearchPath), 1); // limit 50: one request
        const QString sender = model->value(0, u"displayfromaddress"_s);
        QString word;
        for (const QString &w : model->value(0, u"subject"_s).split(u' '))
            if (w.size() > word.size() &&
                std::all_of(w.begin(), w.end(), [](QChar c) { return c.isLetter(); }))
                word = w;
        QVERIFY2(!sender.isEmpty() && word.size() >= 3, qPrintable(sender + u" / "_s + word));

        QTest::keyClicks(rig.find<QLineEdit>(u"fromAddresses"_s), sender);
        QTest::keyClicks(rig.find<QLineEdit>(u"subject"_s), word);
        rig.find<QSpinBox>(u"maxEmails"_s)->setValue(20);
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));

        const int rows = model->rowCount();
        QVERIFY(rows >= 1 && rows <= 20);
        // Every row is from the sender. (The simulator filters on the first <text> element only,
        // so the subject is checked on the wire below rather than in the rows.)
        for (int r = 0; r < rows; ++r) {
            QCOMPARE(model->value(r, u"displayfromaddress"_s).toLower(), sender.toLower());
        }
        const QString summary = rig.find<QLabel>(u"resultSummary"_s)->text();
        QVERIFY2(summary.contains(QString::number(rows)), qPrintable(summary));
        QVERIFY2(summary.contains(u"server query time"_s), qPrintable(summary));

        const QJsonObject body = rig.searchBodies().last();
        QCOMPARE(body.value(u"meta"_s)[u"pagination"_s][u"pageSize"_s].toInt(), 20);
        QCOMPARE(body.value(u"data"_s).toArray().size(), 1);
        QCOMPARE(body.value(u"data"_s)[0][u"admin"_s], QJsonValue(true));
        const QString xml = queryOf(body);
        QVERIFY2(xml.contains(u"from: "_s + sender), qPrintable(xml));
        QVERIFY2(xml.contains(u"subject: "_s + word), qPrintable(xml));
        QVERIFY2(xml.contains(u"select=\"between\""_s), qPrintable(xml));
        QVERIFY(
            xml.contains(u"from=\""_s + archive::formatUtc(rig.now.addSecs(-30 * 86400)) + u'"'));
        QVERIFY(xml.contains(u"to=\""_s + archive::formatUtc(rig.now) + u'"'));
    }

    void largeLimitAsksForAtMost500()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.setFrame(archive::TimeFrame::LastMonth);
        rig.find<QSpinBox>(u"maxEmails"_s)->setValue(1200);
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        QCOMPARE(rig.page.results()->model()->rowCount(), 400); // the whole archive
        const QList<QJsonObject> bodies = rig.searchBodies();
        QVERIFY(!bodies.isEmpty());
        QCOMPARE(bodies.first().value(u"meta"_s)[u"pagination"_s][u"pageSize"_s].toInt(), 500);
    }

    void invalidFromNamesTheFieldAndSendsNothing()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.page.show();
        QTest::keyClicks(rig.find<QLineEdit>(u"fromAddresses"_s), u"ok@example.com, bad@"_s);
        auto *inline_ = rig.find<QLabel>(u"fromAddressesError"_s);
        QVERIFY(inline_->isVisible());
        QCOMPARE(inline_->text(), u"Not an address or domain: bad@"_s);
        QVERIFY2(inline_->toolTip().contains(u"\"bad@\" is not a valid"_s),
                 qPrintable(inline_->toolTip()));
        QVERIFY(!inline_->text().contains(u"ok@example.com"_s));

        QTest::mouseClick(rig.find<QPushButton>(u"runSearch"_s), Qt::LeftButton);
        QTest::mouseClick(rig.find<QPushButton>(u"showXml"_s), Qt::LeftButton);
        auto *error = rig.find<QLabel>(u"searchError"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"From:"_s), qPrintable(error->text()));
        QVERIFY(error->text().contains(u"bad@"_s));
        QVERIFY(!rig.page.results()->isRunning());
        QVERIFY(!rig.page.xmlPreview());
        QCOMPARE(rig.sim->requestCount(kSearchPath), 0);
        // Fixing the field clears the messages.
        QTest::keyClick(rig.find<QLineEdit>(u"fromAddresses"_s), Qt::Key_Backspace);
        QTest::keyClicks(rig.find<QLineEdit>(u"fromAddresses"_s), u"@example.org"_s);
        QVERIFY(!inline_->isVisible());
        QVERIFY(!error->isVisible());
    }

    void showXmlIsWhatIsSent()
    {
        Rig rig;
        QVERIFY(rig.connect());
        QTest::keyClicks(rig.find<QLineEdit>(u"fromAddresses"_s), u"example.org"_s);
        QTest::keyClicks(rig.find<QLineEdit>(u"subject"_s), u"<Invoice> & \"quotes\""_s);
        rig.setFrame(archive::TimeFrame::Last24Hours);
        QTest::mouseClick(rig.find<QPushButton>(u"showXml"_s), Qt::LeftButton);
        ui::XmlPreviewDialog *preview = rig.page.xmlPreview();
        QVERIFY(preview && preview->isVisible());
        auto *text = child<QPlainTextEdit>(preview, u"xmlPreviewText"_s);
        QVERIFY(text->isReadOnly());
        const QString shown = text->toPlainText();
        QVERIFY(shown.contains(u"\n  <metadata"_s)); // indented for reading
        QVERIFY(shown.contains(u"subject: &lt;Invoice&gt; &amp; \"quotes\""_s));
        QCOMPARE(rig.sim->requestCount(kSearchPath), 0); // looking sends nothing

        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        const QString sent = queryOf(rig.searchBodies().last());
        QString compacted = shown;
        compacted.replace(QRegularExpression(u">\\s+<"_s), u"><"_s);
        QCOMPARE(compacted.trimmed(), sent.trimmed());
        QCOMPARE(preview->wireXml(), sent);

        // The dialog's own Run sends the very document shown.
        QVERIFY(rig.runAndWait(child<QPushButton>(preview, u"xmlPreviewRun"_s)));
        QCOMPARE(queryOf(rig.searchBodies().last()), sent);
    }

    void searchForSenderAndRunXml()
    {
        Rig rig;
        QVERIFY(rig.connect());
        QSignalSpy finished(rig.page.results(), &ui::ArchiveResultsPanel::searchFinished);
        rig.page.searchForSender(u"ap@contoso-billing.example"_s);
        QVERIFY(finished.wait(20000));
        QCOMPARE(rig.find<QLineEdit>(u"fromAddresses"_s)->text(), u"ap@contoso-billing.example"_s);
        QCOMPARE(rig.find<QComboBox>(u"timeFrame"_s)->currentText(), u"Last Month"_s);
        const QString xml = queryOf(rig.searchBodies().last());
        QVERIFY(xml.contains(u"from: ap@contoso-billing.example"_s));
        QVERIFY(
            xml.contains(u"from=\""_s + archive::formatUtc(rig.now.addSecs(-30 * 86400)) + u'"'));

        // Malformed XML from the builder or the editor: refused with its position, not sent.
        QSignalSpy errors(&rig.session, &ui::Session::errorReported);
        rig.page.runXml(u"<xmlquery><metadata></xmlquery>"_s, 10, u"Advanced"_s);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().toString().contains(u"line 1"_s));
        QCOMPARE(rig.sim->requestCount(kSearchPath), 1);

        // Well-formed XML is sent exactly as written, with its return fields as the columns.
        const QString advanced =
            u"<?xml version=\"1.0\"?><xmlquery trace=\"iql,muse\"><metadata "
            u"query-type=\"emailarchive\" archive=\"true\" active=\"false\" "
            u"page-size=\"25\" startrow=\"0\"><smartfolders/><return-fields>"
            u"<return-field>subject</return-field><return-field>id</return-field>"
            u"</return-fields></metadata><muse><text></text><date select=\"last_month\"/>"
            u"</muse></xmlquery>"_s;
        rig.page.runXml(advanced, 30, u"Advanced"_s);
        QVERIFY(finished.wait(20000));
        QCOMPARE(queryOf(rig.searchBodies().last()), advanced);
        QCOMPARE(rig.page.results()->model()->fields(), (QStringList{u"subject"_s, u"id"_s}));
        QCOMPARE(rig.page.results()->model()->rowCount(), 30);
        QCOMPARE(rig.find<QLabel>(u"resultTitle"_s)->text(), u"Advanced"_s);
    }
};

QTEST_MAIN(TestArchiveSearchPage)
#include "test_archive_search_page.moc"
