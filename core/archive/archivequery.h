#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcdesk::archive {

// The archive search XML as a value type (docs/contract.md, archive query XML). Everything the
// reader understands is typed; everything else is kept verbatim and written back in place, so an
// analyst's hand-written query survives a trip through the visual builder (read → write → read
// loses nothing). A known attribute left unset (std::nullopt) is not written at all.

struct Attribute
{
    QString name;
    QString value;
    bool operator==(const Attribute &o) const { return name == o.name && value == o.value; }
    bool operator!=(const Attribute &o) const { return !(*this == o); }
};
using Attributes = QList<Attribute>;

// A node the reader did not understand (element, comment, processing instruction, stray text),
// serialized as an XML fragment. It is written back after the first `after` understood children
// of its parent, in the order the writer emits them.
struct ForeignNode
{
    QString xml;
    int after = 0;
    bool operator==(const ForeignNode &o) const { return xml == o.xml && after == o.after; }
    bool operator!=(const ForeignNode &o) const { return !(*this == o); }
};

// What one understood element carried that the reader did not understand.
struct Extras
{
    Attributes attributes;    // unknown attributes, or known ones with a value we cannot read
    QList<ForeignNode> nodes; // unknown children
    bool isEmpty() const { return attributes.isEmpty() && nodes.isEmpty(); }
    bool operator==(const Extras &o) const
    {
        return attributes == o.attributes && nodes == o.nodes;
    }
    bool operator!=(const Extras &o) const { return !(*this == o); }
};

struct Mailbox
{
    QString address;
    std::optional<bool> includeAliases = true; // nullopt: no include-aliases attribute
    Attributes extraAttributes;
    bool operator==(const Mailbox &o) const;
    bool operator!=(const Mailbox &o) const { return !(*this == o); }
};

enum class DateSelect { Unset, Today, Yesterday, LastWeek, LastMonth, LastYear, Between };
enum class SentSelect { Unset, From, To };
enum class DocsSelect {
    Unset,
    Optional,
    Any,
    Documents,
    Spreadsheets,
    Presentations,
    Text,
    Images,
    Media,
    Zips,
    None
};

// One child of <muse>. A flat struct rather than a variant so a table model can edit it row by
// row; only the members of its kind are meaningful (and written).
struct Condition
{
    enum class Kind { Text, Date, Sent, Docs, Route, Unknown };
    Kind kind = Kind::Text;
    // Text: the free text ("from: a@b.com or from: c@d.com"); Sent: address or domain;
    // Docs: text to find inside attachments; Route: the route (usually empty);
    // Unknown: the verbatim XML fragment (element, comment, PI or text).
    QString value;
    DateSelect dateSelect = DateSelect::Unset;
    QDateTime from; // Date only; invalid = no attribute. Written as UTC YYYY-MM-DDTHH:MM:SSZ.
    QDateTime to;
    SentSelect sentSelect = SentSelect::Unset;
    DocsSelect docsSelect = DocsSelect::Unset;
    Attributes extraAttributes;

    static Condition text(const QString &text);
    static Condition date(DateSelect select, const QDateTime &from = {}, const QDateTime &to = {});
    static Condition sent(SentSelect select, const QString &address);
    static Condition docs(DocsSelect select, const QString &text = {});
    static Condition route(const QString &route = {});
    static Condition unknown(const QString &xmlFragment);

    bool operator==(const Condition &o) const;
    bool operator!=(const Condition &o) const { return !(*this == o); }
};

struct Metadata
{
    std::optional<QString> queryType = QStringLiteral("emailarchive");
    std::optional<bool> archive = true;
    std::optional<bool> active = false;
    std::optional<int> pageSize = 25;
    std::optional<int> startRow = 0;
    // Omit <mailboxes> entirely for an admin search of the whole archive.
    bool hasMailboxes = false;
    QList<Mailbox> mailboxes;
    bool hasSmartFolders = true;
    QStringList returnFields; // <return-fields> is always written
    Extras extras;            // on <metadata>
    Extras mailboxesExtras;
    Extras smartFoldersExtras;
    Extras returnFieldsExtras; // a <return-field> with attributes or children lands here
    bool operator==(const Metadata &o) const;
    bool operator!=(const Metadata &o) const { return !(*this == o); }
};

struct ArchiveQuery
{
    std::optional<QString> trace = QStringLiteral("iql,muse");
    Metadata metadata;
    QList<Condition> conditions; // <muse> children in document order
    Extras extras;               // on <xmlquery>
    Attributes museAttributes;   // unknown children of <muse> are Unknown conditions
    QList<ForeignNode> prolog;   // comments, PIs, doctype around the root (after 0 = before it)

    // Human-readable list of everything kept verbatim because it was not understood, e.g.
    // `xmlquery/metadata/@foo="bar"` or `xmlquery/muse: <keywords>x</keywords>`.
    QStringList unknownParts() const;

    bool operator==(const ArchiveQuery &o) const;
    bool operator!=(const ArchiveQuery &o) const { return !(*this == o); }
};

// "text", "date", "sent", "docs", "route"; empty for Unknown.
QString conditionElementName(Condition::Kind kind);

// The XML spelling of the select values ("last_week"), and back (nullopt when unknown).
QString dateSelectName(DateSelect select);
QString sentSelectName(SentSelect select);
QString docsSelectName(DocsSelect select);
std::optional<DateSelect> dateSelectFromName(const QString &name);
std::optional<SentSelect> sentSelectFromName(const QString &name);
std::optional<DocsSelect> docsSelectFromName(const QString &name);

} // namespace mcdesk::archive
