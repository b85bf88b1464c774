#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace mcdesk::archive {

// The analyst's saved queries and the last queries run. Saved queries are plain .xml files in
// <directory>/queries (one per name, the name percent-encoded where a file name could not carry
// it), so they can be shared and edited elsewhere; recent queries are a small JSON file
// <directory>/recent-queries.json. Everything is written atomically (QSaveFile).
class QueryLibrary : public QObject
{
    Q_OBJECT
public:
    struct Recent
    {
        QString title;
        QString xml;
        QDateTime ranAtUtc;
    };
    static constexpr int kMaxRecent = 10;

    // directory: QStandardPaths::AppDataLocation when empty.
    explicit QueryLibrary(const QString &directory = {}, QObject *parent = nullptr);

    QString directory() const { return m_directory; }
    void setDirectory(const QString &directory);

    QStringList savedNames() const; // sorted, case-insensitively
    bool contains(const QString &name) const;
    // Empty on success, else what went wrong.
    QString save(const QString &name, const QString &xml);
    QString remove(const QString &name);
    QString load(const QString &name, QString *xml) const;

    QList<Recent> recent() const;
    // Puts the query first; an identical query already in the list moves up rather than twice.
    QString addRecent(const QString &title, const QString &xml);

    // Why a name cannot be used; empty when it can.
    static QString checkName(const QString &name);

signals:
    void savedChanged();
    void recentChanged();

private:
    QString savedDirectory() const;
    QString pathFor(const QString &name) const;

    QString m_directory;
};

} // namespace mcdesk::archive
