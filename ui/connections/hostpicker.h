#pragma once

#include "core/api/credentials.h"

#include <QGroupBox>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace mcdesk::ui {

// The "where" of a connection: one of Mimecast's known API hosts, a host found by region
// discovery from an email address, or a custom host that the analyst confirmed explicitly.
class HostPicker : public QGroupBox
{
    Q_OBJECT
public:
    explicit HostPicker(QWidget *parent = nullptr);

    // The list shows the hosts of this kind (API 1.0 regional hosts or API 2.0 gateways).
    void setAuthKind(api::Credentials::Kind kind);
    void setDiscoveryBaseUrl(const QUrl &url) { m_discoveryBase = url; }
    void setDiscoveryAppId(const QString &appId) { m_appId = appId; }
    // Shows a saved profile's host: its list entry if known, otherwise as a custom host.
    void setProfileHost(const QUrl &url, bool allowCustomHost);

    QUrl baseUrl() const; // empty when nothing usable is chosen
    bool allowCustomHost() const;
    // Why the choice cannot be used, as a sentence naming the Base URL, and the widget to fix.
    QString problem(QWidget **field) const;

    QFormLayout *form() const { return m_form; }
    QList<QWidget *> focusChain() const; // in tab order

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Entry { Placeholder, Known, Discovered, Custom };
    void rebuild();
    void updateCustomRows();
    void discover();
    void onDiscovered(const QUrl &region, const QString &failure);
    Entry currentEntry() const;
    QUrl customUrl() const;
    bool selectUrl(const QUrl &url);

    QFormLayout *m_form;
    QComboBox *m_region;
    QLineEdit *m_email;
    QPushButton *m_discoverButton;
    QLabel *m_discoverResult;
    QLineEdit *m_customHost;
    QLabel *m_customWarning;
    QWidget *m_customWarningRow = nullptr; // the warning icon and text
    QCheckBox *m_customConfirm;
    QNetworkAccessManager *m_network = nullptr;

    api::Credentials::Kind m_kind = api::Credentials::Kind::Api2;
    QUrl m_discoveryBase;
    QString m_appId;
    QUrl m_found;      // the host the last discovery named
    QUrl m_discovered; // the same, when it is not in the known list
};

} // namespace mcdesk::ui
