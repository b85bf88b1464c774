#include "core/export/jsonexport.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using mcdesk::exporting::JsonExport;

class TestJsonExport : public QObject
{
    Q_OBJECT
private slots:
    void writesAndReplaces_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("indented") << int(QJsonDocument::Indented);
        QTest::newRow("compact") << int(QJsonDocument::Compact);
    }
    void writesAndReplaces()
    {
        QFETCH(int, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"out.json"_s);
        const QJsonArray first{QJsonObject{{u"id"_s, u"1"_s}, {u"subject"_s, u"\u65e5\u672c"_s}}};
        const QJsonArray second{1, 2, 3};
        QString error;
        for (const QJsonArray &array : {first, second}) {
            QVERIFY2(JsonExport::write(path, array, &error, QJsonDocument::JsonFormat(format)),
                     qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QJsonDocument::fromJson(file.readAll()).array(), array);
        }
    }
    void failureLeavesNothing()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString error;
        QVERIFY(!JsonExport::write(blocker.fileName() + u"/out.json"_s, {}, &error));
        QVERIFY2(error.contains(u"Could not save"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestJsonExport)
#include "test_json_export.moc"
