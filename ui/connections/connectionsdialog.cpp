#include "ui/connections/connectionsdialog.h"

#include "core/account/regions.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/secretstore.h"
#include "ui/common/dialogs.h"
#include "ui/connections/inlineerror.h"
#include "ui/connections/profiledialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
namespace PC = secrets::ProfileCredentials;

QString hostText(const secrets::Profile &p)
{
    if (const auto known = account::Regions::find(p.baseUrl))
        return known->label;
    const QString host = p.baseUrl.port() == -1
                             ? p.baseUrl.host()
                             : p.baseUrl.host() + u':' + QString::number(p.baseUrl.port());
    return p.allowCustomHost ? ConnectionsDialog::tr("%1 (custom host)").arg(host) : host;
}
} // namespace

ConnectionsDialog::ConnectionsDialog(secrets::ProfileStore *profiles, secrets::SecretStore *secrets,
                                     QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_list(new QTreeWidget(this))
    , m_emptyHint(new QLabel(this))
    , m_status(new QLabel(this))
    , m_add(new QPushButton(tr("&Add\u2026"), this))
    , m_edit(new QPushButton(tr("&Edit\u2026"), this))
    , m_rename(new QPushButton(tr("&Rename\u2026"), this))
    , m_delete(new QPushButton(tr("&Delete\u2026"), this))
{
    setWindowTitle(tr("Mimecast Connections"));
    setMinimumSize(640, 320);
    m_list->setObjectName(u"profileList"_s);
    m_add->setObjectName(u"addProfile"_s);
    m_edit->setObjectName(u"editProfile"_s);
    m_rename->setObjectName(u"renameProfile"_s);
    m_delete->setObjectName(u"deleteProfile"_s);
    m_emptyHint->setObjectName(u"emptyHint"_s);
    m_status->setObjectName(u"statusMessage"_s);

    m_list->setHeaderLabels({tr("Name"), tr("API host"), tr("Authentication")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_emptyHint->setText(tr("No connections yet. Choose Add to connect to your Mimecast account."));
    m_emptyHint->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // keychain and settings errors quote names
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *listLabel = new QLabel(tr("&Connections:"), this);
    listLabel->setBuddy(m_list);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_rename, m_delete}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addWidget(m_emptyHint);
    layout->addLayout(middle, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { openProfileDialog(std::nullopt); });
    connect(m_edit, &QPushButton::clicked, this, &ConnectionsDialog::editCurrent);
    connect(m_rename, &QPushButton::clicked, this, &ConnectionsDialog::renameCurrent);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionsDialog::deleteCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &ConnectionsDialog::editCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ConnectionsDialog::updateButtons);
    auto *deleteKey =
        new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &ConnectionsDialog::deleteCurrent);
    auto *renameKey =
        new QShortcut(QKeySequence(Qt::Key_F2), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(renameKey, &QShortcut::activated, this, &ConnectionsDialog::renameCurrent);
    reload();
}

void ConnectionsDialog::reload(const QString &select)
{
    const QString wanted = select.isEmpty() ? currentName() : select;
    m_list->clear();
    for (const secrets::Profile &p : m_profiles->list()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, p.name);
        item->setText(1, hostText(p));
        item->setToolTip(1, p.baseUrl.toString());
        item->setText(2,
                      p.authKind == api::Credentials::Kind::Api1 ? tr("API 1.0") : tr("API 2.0"));
        if (p.name == wanted)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_emptyHint->setVisible(m_list->topLevelItemCount() == 0);
    updateButtons();
}

QString ConnectionsDialog::currentName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(0) : QString();
}

void ConnectionsDialog::updateButtons()
{
    const bool selected = !m_busy && m_list->currentItem();
    m_add->setEnabled(!m_busy);
    m_edit->setEnabled(selected);
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
}

void ConnectionsDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void ConnectionsDialog::showStatus(const QString &text, bool isError)
{
    m_status->setStyleSheet(isError ? errorStyleSheet(this) : QString());
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ConnectionsDialog::openProfileDialog(const std::optional<secrets::Profile> &existing)
{
    // open(), not exec(): no nested event loop, and tests can drive the dialog directly.
    auto *dialog = new ProfileDialog(m_profiles, m_secrets, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool isNew = !existing;
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        const QString name = dialog->savedProfile().name;
        reload(name);
        showStatus(isNew ? tr("Added \u201c%1\u201d.").arg(name)
                         : tr("Saved \u201c%1\u201d.").arg(name),
                   false);
        emit profilesChanged();
    });
    dialog->open();
}

void ConnectionsDialog::editCurrent()
{
    if (m_busy || currentName().isEmpty())
        return;
    const auto profile = m_profiles->get(currentName());
    if (!profile) {
        showStatus(tr("\u201c%1\u201d no longer exists.").arg(currentName()), true);
        reload();
        return;
    }
    openProfileDialog(profile);
}

void ConnectionsDialog::renameCurrent()
{
    const QString from = currentName();
    if (m_busy || from.isEmpty())
        return;
    const std::optional<QString> to = dialogs::askText(
        this, {tr("Rename \u201c%1\u201d").arg(from), tr("&New name:"), from, u"renameInput"_s});
    if (to)
        rename(from, *to);
}

void ConnectionsDialog::rename(const QString &from, const QString &to)
{
    if (to == from)
        return;
    QString why = secrets::ProfileStore::validateName(to);
    if (why.isEmpty() && m_profiles->contains(to))
        why = tr("A connection called \u201c%1\u201d already exists.").arg(to);
    if (!why.isEmpty()) {
        showStatus(tr("Not renamed: %1").arg(why), true);
        return;
    }
    setBusy(true);
    showStatus(tr("Moving the keychain entries of \u201c%1\u201d\u2026").arg(from), false);
    QPointer<ConnectionsDialog> self(this);
    secrets::SecretStore *store = m_secrets;
    PC::renameSecrets(*store, from, to, [self, store, from, to](const PC::Outcome &outcome) {
        if (!self)
            return;
        self->setBusy(false);
        if (!outcome.ok) {
            self->showStatus(tr("Not renamed: %1").arg(outcome.error), true);
            return;
        }
        QString error;
        if (!self->m_profiles->rename(from, to, &error)) {
            // Put the secrets back where the unchanged profile looks for them.
            PC::renameSecrets(*store, to, from, [](const PC::Outcome &) {});
            self->showStatus(tr("Not renamed: %1").arg(error), true);
            return;
        }
        self->reload(to);
        self->showStatus(tr("Renamed \u201c%1\u201d to \u201c%2\u201d.").arg(from, to), false);
        emit self->profilesChanged();
    });
}

void ConnectionsDialog::deleteCurrent()
{
    const QString name = currentName();
    if (m_busy || name.isEmpty())
        return;
    dialogs::Question question;
    question.title = tr("Delete Connection");
    question.text = tr("Delete the connection \u201c%1\u201d?").arg(name);
    question.informativeText = tr("Its keys and secrets are removed from the system keychain. "
                                  "This cannot be undone.");
    question.acceptLabel = tr("&Delete");
    question.destructive = true; // Cancel is the default: a stray Enter must not delete
    question.objectName = u"deleteConfirm"_s;
    if (dialogs::confirm(this, question))
        remove(name);
}

void ConnectionsDialog::remove(const QString &name)
{
    setBusy(true);
    showStatus(tr("Removing the keychain entries of \u201c%1\u201d\u2026").arg(name), false);
    QPointer<ConnectionsDialog> self(this);
    PC::removeSecrets(*m_secrets, name, [self, name](const PC::Outcome &outcome) {
        if (!self)
            return;
        self->setBusy(false);
        if (!outcome.ok) {
            // Keep the profile: without it nobody could find and remove its secrets later.
            self->showStatus(tr("Not deleted: %1").arg(outcome.error), true);
            return;
        }
        QString error;
        const bool removed = self->m_profiles->remove(name, &error);
        self->reload();
        if (removed)
            self->showStatus(tr("Deleted \u201c%1\u201d and its keychain entries.").arg(name),
                             false);
        else
            self->showStatus(tr("The keychain entries of \u201c%1\u201d were removed, but the "
                                "connection could not be: %2")
                                 .arg(name, error),
                             true);
        emit self->profilesChanged();
    });
}

} // namespace mcdesk::ui
