#pragma once

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace mcdesk::ui {

// The non-modal strip at the top of the window that reports what went wrong: an icon, one line
// of text, a Details expander with the raw code and message, and a close button. A newer
// message replaces the one shown. All text is plain text: errors quote untrusted strings.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Error, Warning, Information };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text, const QString &details = {});
    void showError(const QString &text, const QString &details = {})
    {
        showMessage(Level::Error, text, details);
    }

    Level level() const { return m_level; }
    QString text() const { return m_text; }
    QString details() const { return m_detailsText; }
    bool isDetailsExpanded() const;

public slots:
    void dismiss();
    void setDetailsExpanded(bool expanded);

signals:
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateText();
    void updateColours();

    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_detailsButton;
    QToolButton *m_closeButton;
    QPlainTextEdit *m_details;
    Level m_level = Level::Information;
    QString m_text;
    QString m_detailsText;
    bool m_updatingColours = false;
};

} // namespace mcdesk::ui
