#pragma once

#include "ui/shell/connectionstatus.h"

#include <QWidget>

class QLabel;

namespace mcdesk::ui {

// The toolbar's connection state: a coloured dot (green answered, red failed, grey checking or
// none) and one line — account, region, round trip and clock skew from the last ping, or the
// reason it failed. The tooltip has the full details.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setStatus(const ConnectionStatus &status);
    const ConnectionStatus &status() const { return m_status; }
    QString text() const { return m_fullText; } // unelided

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QColor dotColour() const;
    int dotSize() const;
    void updateText();

    QLabel *m_label;
    ConnectionStatus m_status;
    QString m_fullText;
};

} // namespace mcdesk::ui
