#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcdesk::threats {

// A managed URL: URL Protect's block or permit list entry (mimecast-respond.md §5.1–5.3).
struct ManagedUrl
{
    enum class Action { Block, Permit };
    enum class Match { Explicit, Domain }; // this exact URL | any URL on its domain

    QString id; // Mimecast's, once created; what delete takes
    QString url;
    Action action = Action::Block;
    Match match = Match::Explicit;
    QString comment;
    bool disableRewrite = false; // permits only
    bool disableLogClick = false;
    bool disableUserAwareness = false; // permits only
    // As Mimecast answers (create, list): the URL split up.
    QString scheme;
    QString domain;
    int port = -1;
    QString path;
    QString queryString;

    static QString actionName(Action action); // block | permit
    static QString matchName(Match match);    // explicit | domain
    static std::optional<Action> actionFromName(const QString &name);
    static std::optional<Match> matchFromName(const QString &name);

    // What is wrong with the entry for create-managed-url, naming the field as the CLI spells
    // it (--url, --match-type, --disable-rewrite…) and the fix, or an empty string.
    QString problem() const;
    // The URL as listed: `url` when given, else scheme://domain[:port]path[?query].
    QString displayUrl() const;
    // Whether a URL (as clicked) is what this entry matches: the same domain (or a subdomain)
    // for a domain entry, the same URL without fragment for an explicit one.
    bool covers(const QString &clickedUrl) const;
    // Identifies a create request among a job's items (the journal keeps it as text).
    QString key() const;
    static ManagedUrl fromKey(const QString &key);
    QJsonObject toData() const; // the create request's data item
    QJsonObject toJson() const; // id, url, action, match_type, comment, flags (CLI, audit)
    static ManagedUrl fromJson(const QJsonObject &json); // Mimecast's record
};

// One line of a bulk managed-URL import (the same preview rules as the sender import: every
// line is checked before anything is sent; exact repeats fold into one entry).
struct UrlImportEntry
{
    QList<int> lines; // 1-based
    ManagedUrl entry;
    QString actionText; // as written
    QString matchText;
    QString problem; // empty = can be sent
    bool canSend() const { return problem.isEmpty(); }
};

struct UrlImportParse
{
    QList<UrlImportEntry> entries;
    int lines = 0;
    int duplicates = 0;
    bool header = false;
    int sendable() const;
    int invalid() const;
};

// Reads `url[,action[,match type[,comment]]]` lines (header optional; comma, semicolon or tab;
// CSV quoting; blank and # lines skipped). A missing action or match type takes the defaults
// given (what the import dialog has chosen).
UrlImportParse parseUrlImport(const QString &text, ManagedUrl::Action defaultAction,
                              ManagedUrl::Match defaultMatch);

// One link given to decode-url and what Mimecast answered.
struct DecodedUrl
{
    QString rewritten; // as given
    QString original;  // empty when Mimecast could not decode it
    QString error;     // Mimecast's reason, when not decoded
    bool decoded() const { return !original.isEmpty(); }
};

// A Mimecast-rewritten link (protect-xx.mimecast.com/…, url.<region>.m.mimecastprotect.com/s/…)
// that decode-url can unwrap; decoding never visits the target.
bool isRewrittenUrl(const QString &url);

} // namespace mcdesk::threats
