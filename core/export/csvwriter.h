#pragma once

#include <QByteArray>
#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <QStringView>

#include <memory>

class QSaveFile;

namespace mcdesk::exporting {

// Streams rows to a CSV file per RFC 4180: UTF-8, CRLF line ends, a cell in double quotes when
// it holds a comma, quote, CR or LF (quotes inside doubled). A cell starting with = + - @, tab
// or CR gets a leading ' so spreadsheets do not run it as a formula ("-5" becomes "'-5").
// The file appears only on commit(): an abandoned export leaves no partial file and an
// existing file stays untouched.
class CsvWriter
{
public:
    CsvWriter();
    ~CsvWriter(); // discards an uncommitted file
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // Write a UTF-8 byte order mark first (for old Excel); off by default. Set before open().
    void setByteOrderMark(bool on) { m_bom = on; }

    bool open(const QString &path, QString *error = nullptr);
    // False when the file is not open or a write failed; the reason is in errorString().
    bool writeRow(const QStringList &cells);
    bool commit(QString *error = nullptr);
    void cancel();

    bool isOpen() const;
    qint64 rowCount() const { return m_rows; }
    QString errorString() const { return m_error; }

    // A single cell exactly as written to the file (neutralised and quoted as needed).
    static QString cell(const QString &value);
    static bool isFormulaStart(QStringView value);

private:
    static void appendCell(QString &line, QStringView value);

    std::unique_ptr<QSaveFile> m_file;
    QStringEncoder m_encoder;
    QString m_line;     // reused for every row, so a row costs no allocation once warm
    QByteArray m_bytes; // likewise for its UTF-8 form
    QString m_path;
    QString m_error;
    qint64 m_rows = 0;
    bool m_bom = false;
    bool m_failed = false;
};

} // namespace mcdesk::exporting
