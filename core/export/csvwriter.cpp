#include "core/export/csvwriter.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace mcdesk::exporting {

namespace {
// The hot loop of an export: plain char16_t compares, and every special character is at most
// ',' (0x2C), so most characters take one comparison.
bool needsQuotes(QStringView value)
{
    const char16_t *p = value.utf16();
    const char16_t *const end = p + value.size();
    for (; p != end; ++p) {
        const char16_t c = *p;
        if (c <= u',' && (c == u',' || c == u'"' || c == u'\r' || c == u'\n'))
            return true;
    }
    return false;
}
} // namespace

CsvWriter::CsvWriter()
    : m_encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless)
{}

CsvWriter::~CsvWriter() = default;

bool CsvWriter::isFormulaStart(QStringView value)
{
    if (value.isEmpty())
        return false;
    switch (value.utf16()[0]) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

void CsvWriter::appendCell(QString &line, QStringView value)
{
    const bool quote = needsQuotes(value);
    if (quote)
        line += u'"';
    if (isFormulaStart(value))
        line += u'\'';
    if (!quote) {
        line += value;
        return;
    }
    // Copy runs between quotes in one go and double each quote.
    qsizetype from = 0;
    for (qsizetype at = value.indexOf(u'"'); at >= 0; at = value.indexOf(u'"', from)) {
        line += value.mid(from, at + 1 - from);
        line += u'"';
        from = at + 1;
    }
    line += value.mid(from);
    line += u'"';
}

QString CsvWriter::cell(const QString &value)
{
    QString out;
    out.reserve(value.size() + 4);
    appendCell(out, value);
    return out;
}

bool CsvWriter::isOpen() const
{
    return m_file != nullptr;
}

bool CsvWriter::open(const QString &path, QString *error)
{
    cancel();
    m_path = path;
    m_rows = 0;
    m_failed = false;
    m_error.clear();
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_error = u"Could not create \u201c%1\u201d: %2."_s.arg(path, m_file->errorString());
        m_file.reset();
        if (error)
            *error = m_error;
        return false;
    }
    if (m_bom && m_file->write("\xEF\xBB\xBF", 3) != 3) {
        m_failed = true;
        m_error = u"Could not write \u201c%1\u201d: %2."_s.arg(path, m_file->errorString());
    }
    return !m_failed;
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    if (!m_file) {
        m_error = u"The CSV file is not open."_s;
        return false;
    }
    if (m_failed)
        return false;
    m_line.resize(0); // keeps the capacity
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_line += u',';
        appendCell(m_line, cells.at(i));
    }
    m_line += u"\r\n";
    m_bytes.resize(m_encoder.requiredSpace(m_line.size()));
    char *end = m_encoder.appendToBuffer(m_bytes.data(), m_line);
    m_bytes.truncate(end - m_bytes.constData());
    if (m_file->write(m_bytes) != m_bytes.size()) {
        m_failed = true;
        m_error = u"Could not write \u201c%1\u201d: %2."_s.arg(m_path, m_file->errorString());
        return false;
    }
    ++m_rows;
    return true;
}

bool CsvWriter::commit(QString *error)
{
    bool ok = false;
    if (!m_file) {
        m_error = u"The CSV file is not open."_s;
    } else if (m_failed) {
        m_file->cancelWriting();
    } else if (m_file->commit()) {
        ok = true;
    } else {
        m_error = u"Could not save \u201c%1\u201d: %2."_s.arg(m_path, m_file->errorString());
    }
    m_file.reset(); // an uncommitted QSaveFile removes its temporary file
    if (!ok && error)
        *error = m_error;
    return ok;
}

void CsvWriter::cancel()
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
}

} // namespace mcdesk::exporting
