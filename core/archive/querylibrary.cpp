#include "core/archive/querylibrary.h"

#include "core/export/atomicfile.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

constexpr int kMaxNameLength = 120;
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024; // far more than any real query

const QString kSuffix = u".xml"_s;

} // namespace

QueryLibrary::QueryLibrary(const QString &directory, QObject *parent)
    : QObject(parent)
{
    setDirectory(directory);
}

void QueryLibrary::setDirectory(const QString &directory)
{
    m_directory = directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      : directory;
    emit savedChanged();
    emit recentChanged();
}

QString QueryLibrary::checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Give the query a name.");
    if (trimmed.size() > kMaxNameLength)
        return tr("The name is too long (at most %1 characters).").arg(kMaxNameLength);
    return {};
}

QStringList QueryLibrary::savedNames() const
{
    QStringList names;
    const QDir dir(savedDirectory());
    for (const QString &file : dir.entryList({u"*"_s + kSuffix}, QDir::Files)) {
        const QString encoded = file.chopped(kSuffix.size());
        names << QUrl::fromPercentEncoding(encoded.toUtf8());
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

bool QueryLibrary::contains(const QString &name) const
{
    return QFile::exists(pathFor(name.trimmed()));
}

QString QueryLibrary::save(const QString &name, const QString &xml)
{
    if (const QString problem = checkName(name); !problem.isEmpty())
        return problem;
    if (!QDir().mkpath(savedDirectory()))
        return tr("Cannot create %1.").arg(QDir::toNativeSeparators(savedDirectory()));
    const QString error = exporting::writeAtomically(pathFor(name.trimmed()), xml.toUtf8());
    if (error.isEmpty())
        emit savedChanged();
    return error;
}

QString QueryLibrary::remove(const QString &name)
{
    QFile file(pathFor(name.trimmed()));
    if (!file.remove())
        return file.errorString();
    emit savedChanged();
    return {};
}

QString QueryLibrary::load(const QString &name, QString *xml) const
{
    QFile file(pathFor(name.trimmed()));
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    if (file.size() > kMaxFileSize)
        return tr("The file is larger than %1 MB; it is not an archive query.")
            .arg(kMaxFileSize / (1024 * 1024));
    *xml = QString::fromUtf8(file.readAll());
    return {};
}

QList<QueryLibrary::Recent> QueryLibrary::recent() const
{
    QFile file(QDir(m_directory).filePath(u"recent-queries.json"_s));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFileSize)
        return {};
    QList<Recent> out;
    const QJsonArray items = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        Recent r{o.value(u"title"_s).toString(), o.value(u"xml"_s).toString(),
                 QDateTime::fromString(o.value(u"ranAt"_s).toString(), Qt::ISODate)};
        if (!r.xml.isEmpty() && out.size() < kMaxRecent)
            out << r;
    }
    return out;
}

QString QueryLibrary::addRecent(const QString &title, const QString &xml)
{
    QList<Recent> list = recent();
    list.removeIf([&](const Recent &r) { return r.xml == xml; });
    list.prepend({title, xml, QDateTime::currentDateTimeUtc()});
    QJsonArray items;
    for (const Recent &r : list.mid(0, kMaxRecent))
        items.append(QJsonObject{{u"title"_s, r.title},
                                 {u"xml"_s, r.xml},
                                 {u"ranAt"_s, r.ranAtUtc.toString(Qt::ISODate)}});
    if (!QDir().mkpath(m_directory))
        return tr("Cannot create %1.").arg(QDir::toNativeSeparators(m_directory));
    const QString error =
        exporting::writeAtomically(QDir(m_directory).filePath(u"recent-queries.json"_s),
                                   QJsonDocument(items).toJson(QJsonDocument::Indented));
    if (error.isEmpty())
        emit recentChanged();
    return error;
}

QString QueryLibrary::savedDirectory() const
{
    return QDir(m_directory).filePath(u"queries"_s);
}

QString QueryLibrary::pathFor(const QString &name) const
{
    // Letters, digits and a few safe marks stay readable; everything else (slashes, dots that
    // could make "..", control characters) is percent-encoded so any name is one plain file.
    QByteArray encoded = QUrl::toPercentEncoding(name, " ()_-,+&'!@#=[]{}~"_ba, "."_ba);
    return QDir(savedDirectory()).filePath(QString::fromUtf8(encoded) + kSuffix);
}

} // namespace mcdesk::archive
