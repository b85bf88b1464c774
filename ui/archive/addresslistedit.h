#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;

namespace mcdesk::ui {

// A list of addresses typed or pasted into one line (separated by commas, semicolons or
// spaces), checked as it is typed: each invalid entry is named under the field.
class AddressListEdit : public QWidget
{
    Q_OBJECT
public:
    // Returns why one entry is not acceptable, or an empty string.
    using Check = std::function<QString(const QString &entry)>;

    // `name` is the line edit's objectName; the message below it is `name` + "Error" and reads
    // `invalidLead` followed by the invalid entries ("Not an address or domain: bad@").
    AddressListEdit(const QString &name, const QString &placeholder, const QString &invalidLead,
                    Check check, QWidget *parent = nullptr);

    QStringList entries() const;
    QString text() const;
    void setText(const QString &text);
    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }
    QLineEdit *lineEdit() const { return m_edit; }

    static QStringList split(const QString &text);

signals:
    void changed();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void validate();
    void updateMessage();

    QLineEdit *m_edit;
    QLabel *m_error;
    QAction *m_warning;
    QString m_invalidLead;
    Check m_check;
    QStringList m_problems; // why, per invalid entry: the tooltip
    QStringList m_invalid;  // the entries themselves: the message
};

} // namespace mcdesk::ui
