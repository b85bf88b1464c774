#pragma once

#include <QLabel>

namespace mcdesk::ui {

// A one-line plain-text label that shortens its text with "…" to the width it is given and
// shows the whole text as a tooltip, so a narrow pane never cuts a value silently or pushes
// its neighbours off screen. fullText() is what was set; text() is what is shown.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr, Qt::TextElideMode mode = Qt::ElideRight);

    void setFullText(const QString &text);
    const QString &fullText() const { return m_fullText; }
    bool isElided() const { return text() != m_fullText; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateShown();

    QString m_fullText;
    Qt::TextElideMode m_mode;
};

} // namespace mcdesk::ui
