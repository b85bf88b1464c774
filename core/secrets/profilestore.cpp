#include "core/secrets/profilestore.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::secrets {

namespace {
const QString kGroup = u"profiles"_s;
const QString kLastUsed = u"state/lastUsedProfile"_s;
constexpr int kMaxNameLength = 64;

QString groupOf(const QString &name)
{
    return kGroup + u'/' + name;
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}
} // namespace

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{}

ProfileStore::ProfileStore(const QString &iniPath)
    : m_owned(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_settings(m_owned.get())
{}

ProfileStore::~ProfileStore() = default;

std::unique_ptr<QSettings> ProfileStore::openDefaultSettings()
{
    return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, u"mcdesk"_s,
                                       u"mcdesk"_s);
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

QString ProfileStore::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return u"A profile needs a name."_s;
    if (name != name.trimmed())
        return u"A profile name cannot start or end with spaces."_s;
    if (name.size() > kMaxNameLength)
        return u"A profile name can have at most %1 characters."_s.arg(kMaxNameLength);
    const bool bad = std::any_of(name.cbegin(), name.cend(), [](QChar c) {
        return c == u'/' || c == u'\\' || c.category() == QChar::Other_Control;
    });
    if (bad)
        return u"A profile name cannot contain '/', '\\' or control characters."_s;
    return {};
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(kGroup);
    QStringList result = m_settings->childGroups();
    m_settings->endGroup();
    std::sort(result.begin(), result.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return result;
}

QList<Profile> ProfileStore::list() const
{
    QList<Profile> result;
    for (const QString &name : names()) {
        if (auto profile = get(name))
            result.append(*profile);
    }
    return result;
}

bool ProfileStore::contains(const QString &name) const
{
    return validateName(name).isEmpty() && names().contains(name);
}

std::optional<Profile> ProfileStore::get(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    Profile profile;
    profile.name = name;
    m_settings->beginGroup(groupOf(name));
    profile.baseUrl = QUrl(m_settings->value(u"baseUrl"_s).toString());
    profile.authKind = m_settings->value(u"auth"_s).toString() == u"api1"_s
                           ? api::Credentials::Kind::Api1
                           : api::Credentials::Kind::Api2;
    profile.appId = m_settings->value(u"appId"_s).toString();
    profile.clientId = m_settings->value(u"clientId"_s).toString();
    profile.allowCustomHost = m_settings->value(u"allowCustomHost"_s, false).toBool();
    // Out of range (edited by hand): the default, as the client accepts only 1 to 8.
    const int batches = m_settings->value(u"batchesInFlight"_s, 4).toInt();
    profile.batchesInFlight = batches >= 1 && batches <= 8 ? batches : 4;
    m_settings->endGroup();
    return profile;
}

void ProfileStore::writeProfile(const Profile &profile)
{
    m_settings->beginGroup(groupOf(profile.name));
    m_settings->setValue(u"baseUrl"_s, profile.baseUrl.toString());
    m_settings->setValue(u"auth"_s,
                         profile.authKind == api::Credentials::Kind::Api1 ? u"api1"_s : u"api2"_s);
    m_settings->setValue(u"appId"_s, profile.appId);
    m_settings->setValue(u"clientId"_s, profile.clientId);
    m_settings->setValue(u"allowCustomHost"_s, profile.allowCustomHost);
    m_settings->setValue(u"batchesInFlight"_s, profile.batchesInFlight);
    m_settings->endGroup();
}

bool ProfileStore::save(const Profile &profile, QString *error)
{
    if (const QString why = validateName(profile.name); !why.isEmpty()) {
        setError(error, why);
        return false;
    }
    writeProfile(profile);
    return sync(error);
}

bool ProfileStore::rename(const QString &from, const QString &to, QString *error)
{
    std::optional<Profile> profile = get(from);
    if (!profile) {
        setError(error, u"There is no profile called \u201c%1\u201d."_s.arg(from));
        return false;
    }
    if (const QString why = validateName(to); !why.isEmpty()) {
        setError(error, why);
        return false;
    }
    if (from == to)
        return true;
    if (contains(to)) {
        setError(error, u"A profile called \u201c%1\u201d already exists."_s.arg(to));
        return false;
    }
    const bool wasLastUsed = lastUsed() == from;
    profile->name = to;
    writeProfile(*profile);
    m_settings->remove(groupOf(from));
    if (wasLastUsed)
        m_settings->setValue(kLastUsed, to);
    return sync(error);
}

bool ProfileStore::remove(const QString &name, QString *error)
{
    if (!contains(name)) {
        setError(error, u"There is no profile called \u201c%1\u201d."_s.arg(name));
        return false;
    }
    m_settings->remove(groupOf(name));
    if (m_settings->value(kLastUsed).toString() == name)
        m_settings->remove(kLastUsed);
    return sync(error);
}

QString ProfileStore::lastUsed() const
{
    const QString name = m_settings->value(kLastUsed).toString();
    return contains(name) ? name : QString();
}

bool ProfileStore::setLastUsed(const QString &name, QString *error)
{
    if (!name.isEmpty() && !contains(name)) {
        setError(error, u"There is no profile called \u201c%1\u201d."_s.arg(name));
        return false;
    }
    if (name.isEmpty())
        m_settings->remove(kLastUsed);
    else
        m_settings->setValue(kLastUsed, name);
    return sync(error);
}

bool ProfileStore::sync(QString *error)
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return true;
    case QSettings::AccessError:
        setError(error, u"Could not write the settings file \u201c%1\u201d: permission denied "
                        u"or the disk is full."_s.arg(m_settings->fileName()));
        return false;
    case QSettings::FormatError:
        break;
    }
    setError(error, u"The settings file \u201c%1\u201d is damaged; fix or remove it."_s.arg(
                        m_settings->fileName()));
    return false;
}

} // namespace mcdesk::secrets
