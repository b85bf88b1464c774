#pragma once

#include <QPointer>
#include <QString>

class QBoxLayout;
class QFormLayout;
class QLabel;
class QWidget;

namespace mcdesk::ui {

// One error label that moves into the form row below the field it is about, so the analyst
// reads the problem right next to what to fix. Problems that belong to no field (the keychain,
// the settings file) go to a fallback place above the dialog's buttons.
class InlineError
{
public:
    // `label` is shown as plain text; `fallback` receives it for general problems.
    InlineError(QLabel *label, QBoxLayout *fallback);

    // `field` is a widget in a QFormLayout, or inside a widget that is.
    void showAt(QWidget *field, const QString &text);
    void showGeneral(const QString &text);
    void clear();

    QWidget *field() const { return m_field; }
    QString text() const;

private:
    void detach();

    QLabel *m_label;
    QBoxLayout *m_fallback;
    QPointer<QFormLayout> m_form;
    QPointer<QWidget> m_field;
    bool m_inFallback = false;
};

// A style sheet colouring error text so it reads well in light and dark themes.
QString errorStyleSheet(const QWidget *widget);

} // namespace mcdesk::ui
