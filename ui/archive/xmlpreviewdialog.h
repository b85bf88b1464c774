#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace mcdesk::ui {

// The query exactly as it will be sent, indented for reading, read-only and plain text. Run
// here sends this very query (so a rolling time frame does not move between looking and
// sending).
class XmlPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    explicit XmlPreviewDialog(QWidget *parent = nullptr);

    // `wireXml` is what goes on the wire; it is shown indented().
    void setQuery(const QString &wireXml, const QString &note);
    QString wireXml() const { return m_wire; }
    QString shownText() const;

    // `xml` with a line break and indentation between adjacent tags and nothing else changed,
    // so removing the whitespace between tags gives back `xml` exactly. For documents written
    // compact (no whitespace between elements), as the query writer does.
    static QString indented(const QString &xml);

signals:
    void runRequested(const QString &wireXml);

private:
    QPlainTextEdit *m_text;
    QLabel *m_note;
    QString m_wire;
};

} // namespace mcdesk::ui
