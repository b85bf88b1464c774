// mcdesk --demo --page PAGE --screenshot FILE: every page renders once loaded, offscreen,
// into a PNG of the window's size that is not blank. Runs the built binary (MCDESK_GUI).
#include "tests/support/guitestsupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

class TestScreenshot : public QObject
{
    Q_OBJECT

private:
    QString m_binary;

    QProcessEnvironment environment(const QTemporaryDir &dir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        // The binary must choose offscreen by itself when there is no display.
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        return env;
    }

    int run(const QStringList &arguments, const QTemporaryDir &dir, QString *out, QString *err)
    {
        QProcess process;
        process.setProcessEnvironment(environment(dir));
        process.start(m_binary, arguments);
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *out = QString::fromUtf8(process.readAllStandardOutput());
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private slots:
    void initTestCase()
    {
        m_binary = qEnvironmentVariable("MCDESK_GUI");
        if (m_binary.isEmpty())
            QSKIP("MCDESK_GUI is not set (the mcdesk target is not built)");
    }

    void pageRendersToPng_data()
    {
        QTest::addColumn<QString>("page");
        for (const QString &page : mcdesk::ui::MainWindow::pageKeys())
            QTest::newRow(qPrintable(page)) << page;
    }

    void pageRendersToPng()
    {
        QFETCH(QString, page);
        QTemporaryDir dir;
        const QString file = dir.filePath(page + u".png"_s);
        QString out, err;
        const int code =
            run({u"--demo"_s, u"--latency"_s, u"0"_s, u"--page"_s, page, u"--screenshot"_s, file},
                dir, &out, &err);
        QVERIFY2(code == 0, qPrintable(err));
        const QRegularExpressionMatch size =
            QRegularExpression(u"\\((\\d+)x(\\d+)\\)"_s).match(out);
        QVERIFY2(size.hasMatch(), qPrintable(out));

        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(size.captured(1).toInt(), size.captured(2).toInt()));
        QCOMPARE(image.size(), QSize(1280, 800)); // the window's size (device pixel ratio 1)
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(u"only %1 colours"_s.arg(colours.size())));
    }

    void demoPingIsNotAudited()
    {
        // The Activity shot is taken after the demo's ping; a ping changes nothing, so the
        // audit log (shared with mcdesk-cli) stays absent.
        QTemporaryDir dir;
        QString out, err;
        QCOMPARE(run({u"--demo"_s, u"--latency"_s, u"20"_s, u"--page"_s, u"activity"_s,
                      u"--screenshot"_s, dir.filePath(u"a.png"_s)},
                     dir, &out, &err),
                 0);
        QVERIFY(QFile::exists(dir.filePath(u"a.png"_s)));
        QVERIFY(QDir(dir.filePath(u"data/mcdesk"_s)).entryList({u"*.jsonl"_s}).isEmpty());
    }

    void badCommandLines()
    {
        QTemporaryDir dir;
        QString out, err;
        QCOMPARE(run({u"--page"_s, u"nowhere"_s}, dir, &out, &err), 2);
        QVERIFY(err.contains(u"--page"_s));
        QCOMPARE(run({u"--latency"_s, u"soon"_s, u"--demo"_s}, dir, &out, &err), 2);
        QCOMPARE(run({u"--demo"_s, u"--profile"_s, u"x"_s}, dir, &out, &err), 2);
        QCOMPARE(run({u"--version"_s}, dir, &out, &err), 0);
        QCOMPARE(out.trimmed(), u"mcdesk "_s + QStringLiteral(MCDESK_VERSION));
        QCOMPARE(run({u"--help"_s}, dir, &out, &err), 0);
        QVERIFY(out.contains(u"--screenshot <FILE>"_s));
    }

    void unwritableFileFails()
    {
        QTemporaryDir dir;
        QString out, err;
        QCOMPARE(run({u"--demo"_s, u"--latency"_s, u"0"_s, u"--screenshot"_s,
                      dir.filePath(u"missing/dir/x.png"_s)},
                     dir, &out, &err),
                 1);
        QVERIFY(err.contains(u"Could not write"_s));
    }
};

QTEST_MAIN(TestScreenshot)
#include "test_screenshot.moc"
