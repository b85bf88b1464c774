#pragma once

#include <QWidget>

class QPushButton;

namespace mcdesk::ui {

// Shown instead of the pages while there is no connection profile and no demo: add a real
// Mimecast connection, or try everything on the built-in simulator.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    QPushButton *addConnectionButton() const { return m_add; }
    QPushButton *demoButton() const { return m_demo; }

signals:
    void addConnectionRequested();
    void demoRequested();

private:
    QPushButton *m_add;
    QPushButton *m_demo;
};

} // namespace mcdesk::ui
