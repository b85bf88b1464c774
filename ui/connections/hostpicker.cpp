#include "ui/connections/hostpicker.h"

#include "core/account/account.h"
#include "core/account/regions.h"
#include "core/api/baseurlpolicy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kUrlRole = Qt::UserRole;
constexpr int kEntryRole = Qt::UserRole + 1;

QString hostAndPort(const QUrl &url)
{
    return url.port() == -1 ? url.host() : url.host() + u':' + QString::number(url.port());
}
} // namespace

HostPicker::HostPicker(QWidget *parent)
    : QGroupBox(tr("Mimecast API host"), parent)
    , m_form(new QFormLayout(this))
    , m_region(new QComboBox(this))
    , m_email(new QLineEdit(this))
    , m_discoverButton(new QPushButton(tr("&Discover"), this))
    , m_discoverResult(new QLabel(this))
    , m_customHost(new QLineEdit(this))
    , m_customWarning(new QLabel(this))
    , m_customConfirm(new QCheckBox(
          tr("I &understand credentials will be sent to a host outside Mimecast's domains"), this))
    , m_discoveryBase(u"https://api.mimecast.com"_s)
{
    m_region->setObjectName(u"regionCombo"_s);
    m_email->setObjectName(u"discoverEmail"_s);
    m_discoverButton->setObjectName(u"discoverButton"_s);
    m_discoverResult->setObjectName(u"discoverResult"_s);
    m_customHost->setObjectName(u"customHostEdit"_s);
    m_customWarning->setObjectName(u"customHostWarning"_s);
    m_customConfirm->setObjectName(u"customHostConfirm"_s);

    m_region->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_email->setPlaceholderText(tr("analyst@yourcompany.com"));
    m_email->setToolTip(tr("Mimecast answers which region serves this address. Only the "
                           "address (and the Application ID, if entered) is sent."));
    m_email->installEventFilter(this);
    m_email->setClearButtonEnabled(true);
    m_discoverButton->setAutoDefault(false);
    m_discoverResult->setTextFormat(Qt::PlainText); // the host comes from the network
    m_discoverResult->setWordWrap(true);
    m_discoverResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_customHost->setPlaceholderText(tr("https://mimecast-proxy.example.org"));
    m_customWarning->setTextFormat(Qt::PlainText);
    m_customWarning->setWordWrap(true);
    m_customWarning->setText(
        tr("Only for a proxy your security team runs: credentials go to this host."));
    m_customWarning->setToolTip(tr("Never use an address someone sent you."));
    auto *warningIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    warningIcon->setPixmap(style()
                               ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                               .pixmap(iconSize, iconSize));
    warningIcon->setAlignment(Qt::AlignTop);
    m_customWarningRow = new QWidget(this);
    auto *warningLayout = new QHBoxLayout(m_customWarningRow);
    warningLayout->setContentsMargins(0, 0, 0, 0);
    warningLayout->addWidget(warningIcon);
    warningLayout->addWidget(m_customWarning, 1);
    auto *discoverRow = new QWidget(this);
    auto *discoverLayout = new QHBoxLayout(discoverRow);
    discoverLayout->setContentsMargins(0, 0, 0, 0);
    discoverLayout->addWidget(m_email, 1);
    discoverLayout->addWidget(m_discoverButton);

    m_form->addRow(tr("&Region:"), m_region);
    m_form->addRow(tr("Find by e&mail:"), discoverRow);
    // Wrapped text rows get an empty label: QFormLayout (Qt 6.4) computes the height of a
    // label-less row for a far narrower width than it then gives it, leaving big gaps.
    m_form->addRow(new QLabel(this), m_discoverResult);
    m_form->addRow(tr("Custom &host:"), m_customHost);
    m_form->addRow(new QLabel(this), m_customWarningRow);
    m_form->addRow(static_cast<QWidget *>(nullptr), m_customConfirm);
    m_form->setRowVisible(m_discoverResult, false);

    connect(m_region, &QComboBox::currentIndexChanged, this, &HostPicker::updateCustomRows);
    connect(m_discoverButton, &QPushButton::clicked, this, &HostPicker::discover);
    rebuild();
}

bool HostPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the email field discovers; it must not also reach the dialog's Save button.
    if (watched == m_email && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            discover();
            return true;
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

void HostPicker::setAuthKind(api::Credentials::Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    rebuild();
}

void HostPicker::setProfileHost(const QUrl &url, bool allowCustomHost)
{
    if (const auto known = account::Regions::find(url); known && known->kind == m_kind) {
        if (selectUrl(known->url))
            return;
    }
    m_region->setCurrentIndex(m_region->findData(int(Entry::Custom), kEntryRole));
    m_customHost->setText(url.toString());
    m_customConfirm->setChecked(allowCustomHost);
}

QList<QWidget *> HostPicker::focusChain() const
{
    return {m_region, m_email, m_discoverButton, m_customHost, m_customConfirm};
}

void HostPicker::rebuild()
{
    const Entry previous = m_region->count() ? currentEntry() : Entry::Placeholder;
    const QUrl previousUrl = m_region->currentData(kUrlRole).toUrl();
    const QSignalBlocker blocker(m_region);
    m_region->clear();
    if (m_kind == api::Credentials::Kind::Api1) {
        // No default: a wrong guess would only fail later, at the first real call.
        m_region->addItem(tr("Choose your region\u2026"));
        m_region->setItemData(0, int(Entry::Placeholder), kEntryRole);
    }
    for (const account::ApiHost &host : account::Regions::forKind(m_kind)) {
        m_region->addItem(host.label, host.url);
        m_region->setItemData(m_region->count() - 1, int(Entry::Known), kEntryRole);
        if (!host.confirmed)
            m_region->setItemData(m_region->count() - 1,
                                  tr("Seen only in third-party tables; prefer discovery from "
                                     "an email address."),
                                  Qt::ToolTipRole);
    }
    if (!m_discovered.isEmpty()) {
        m_region->addItem(tr("Discovered \u2014 %1").arg(hostAndPort(m_discovered)), m_discovered);
        m_region->setItemData(m_region->count() - 1, int(Entry::Discovered), kEntryRole);
    }
    m_region->insertSeparator(m_region->count());
    m_region->addItem(tr("Custom host\u2026"));
    m_region->setItemData(m_region->count() - 1, int(Entry::Custom), kEntryRole);

    if (previous == Entry::Custom)
        m_region->setCurrentIndex(m_region->count() - 1);
    else if (!selectUrl(previousUrl) && !selectUrl(m_found))
        m_region->setCurrentIndex(0); // the placeholder (1.0) or the global gateway (2.0)
    updateCustomRows();
}

bool HostPicker::selectUrl(const QUrl &url)
{
    if (url.isEmpty())
        return false;
    const QUrl wanted = account::Regions::normalized(url);
    for (int i = 0; i < m_region->count(); ++i) {
        const QUrl candidate = m_region->itemData(i, kUrlRole).toUrl();
        if (!candidate.isEmpty() && account::Regions::normalized(candidate) == wanted) {
            m_region->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void HostPicker::updateCustomRows()
{
    const bool custom = currentEntry() == Entry::Custom;
    m_form->setRowVisible(m_customHost, custom);
    m_form->setRowVisible(m_customWarningRow, custom);
    m_form->setRowVisible(m_customConfirm, custom);
}

HostPicker::Entry HostPicker::currentEntry() const
{
    return Entry(m_region->currentData(kEntryRole).toInt());
}

QUrl HostPicker::customUrl() const
{
    QString text = m_customHost->text().trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(u"://"_s))
        text.prepend(u"https://"_s); // a bare host name means HTTPS, never plain HTTP
    QUrl url(text, QUrl::StrictMode);
    if (url.path() == u"/"_s)
        url.setPath(QString());
    return url;
}

QUrl HostPicker::baseUrl() const
{
    switch (currentEntry()) {
    case Entry::Placeholder:
        return {};
    case Entry::Known:
    case Entry::Discovered:
        return m_region->currentData(kUrlRole).toUrl();
    case Entry::Custom:
        return customUrl();
    }
    return {};
}

bool HostPicker::allowCustomHost() const
{
    // Only a host that needs the opt-in gets it, so the flag never widens a Mimecast profile.
    const QString host = baseUrl().host();
    return currentEntry() == Entry::Custom && m_customConfirm->isChecked() &&
           !api::BaseUrlPolicy::isMimecastHost(host) && !api::BaseUrlPolicy::isLoopback(host);
}

QString HostPicker::problem(QWidget **field) const
{
    *field = m_region;
    if (currentEntry() == Entry::Placeholder)
        return tr("Base URL: choose your region's API host, find it by email, or enter a custom "
                  "host.");
    if (currentEntry() != Entry::Custom)
        return api::BaseUrlPolicy::check(baseUrl(), false);
    *field = m_customHost;
    const QUrl url = customUrl();
    if (url.isEmpty())
        return tr("Base URL: enter the custom host, such as https://mimecast-proxy.example.org.");
    // Problems the opt-in cannot fix (scheme, form) come first; then the opt-in itself.
    if (const QString problem = api::BaseUrlPolicy::check(url, true); !problem.isEmpty())
        return problem;
    if (m_customConfirm->isChecked() || api::BaseUrlPolicy::check(url, false).isEmpty())
        return {}; // confirmed, or a Mimecast or loopback host that needs no confirmation
    *field = m_customConfirm;
    // Name the checkbox by its own words, so the analyst knows what to tick.
    return tr("Base URL host \u201c%1\u201d is outside Mimecast's domains: tick \u201c%2\u201d "
              "below it, or choose a Mimecast host.")
        .arg(url.host(), m_customConfirm->text().remove(u'&'));
}

void HostPicker::discover()
{
    const QString email = m_email->text().trimmed();
    m_form->setRowVisible(m_discoverResult, true);
    if (email.isEmpty() || !email.contains(u'@') || email.startsWith(u'@') ||
        email.endsWith(u'@')) {
        m_discoverResult->setText(tr("Enter an email address of your organisation, such as "
                                     "analyst@yourcompany.com. Nothing was sent."));
        m_email->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_discoverButton->setEnabled(false);
    m_discoverResult->setText(tr("Asking Mimecast which region serves %1\u2026").arg(email));
    auto *job = new account::DiscoverRegion(m_network, email, m_appId, m_discoveryBase, this);
    connect(job, &account::DiscoverRegion::finished, this, [this, job] {
        job->deleteLater();
        m_discoverButton->setEnabled(true);
        onDiscovered(job->regionBaseUrl(), job->error().describe());
    });
    job->start();
}

void HostPicker::onDiscovered(const QUrl &region, const QString &failure)
{
    if (region.isEmpty()) {
        m_discoverResult->setText(tr("Discovery failed: %1").arg(failure));
        return;
    }
    m_found = account::Regions::normalized(region);
    const auto known = account::Regions::find(region);
    if (known && known->kind != m_kind) {
        // Discovery names API 1.0 hosts; an API 2.0 application talks to a gateway instead.
        m_discoverResult->setText(
            tr("Found %1, an API 1.0 host. API 2.0 applications use a gateway: keep the global "
               "one unless your data must stay in the UK or the US.")
                .arg(known->label));
        return;
    }
    if (known) {
        selectUrl(known->url);
        m_discoverResult->setText(tr("Found %1.").arg(known->label));
        return;
    }
    m_discovered = m_found;
    rebuild();
    selectUrl(m_discovered);
    m_discoverResult->setText(
        tr("Found %1 (not one of the hosts Mimecast publishes).").arg(hostAndPort(region)));
}

} // namespace mcdesk::ui
