// The bulk managed-URL import: the sender import's rules (every line checked before anything
// is sent, repeats folded, a block and a permit of the same URL refused) for URL lines.
#include "core/common/importfields.h"
#include "core/threats/managedurl.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace mcdesk::threats {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(UrlImport)
};

bool isHeader(const QStringList &fields)
{
    const QString first = fields.value(0).toLower();
    return first == u"url"_s || first == u"domain"_s || first == u"link"_s;
}

// Lines are "url[,action[,match type[,comment]]]". URLs hold semicolons (and sometimes commas
// in a quoted field), so only a tab or a comma separates fields.
QString readLine(UrlImportEntry &e, const QStringList &fields)
{
    if (fields.size() > 4)
        return Text::tr("Expected at most 4 fields (url, action, match type, comment) but found "
                        "%1: quote a field that contains a comma")
            .arg(fields.size());
    e.entry.url = fields.value(0);
    e.actionText = fields.value(1);
    e.matchText = fields.value(2);
    e.entry.comment = fields.value(3);
    if (!e.actionText.isEmpty()) {
        const auto action = ManagedUrl::actionFromName(e.actionText);
        if (!action)
            return Text::tr("Action \"%1\" is not block or permit").arg(e.actionText);
        e.entry.action = *action;
    }
    if (!e.matchText.isEmpty()) {
        const auto match = ManagedUrl::matchFromName(e.matchText);
        if (!match)
            return Text::tr("Match type \"%1\" is not explicit or domain").arg(e.matchText);
        e.entry.match = *match;
    }
    // The problem names the CLI's flags; here the analyst reads a line, so name the column.
    QString problem = e.entry.problem();
    if (problem.startsWith(u"--url "_s))
        problem = Text::tr("URL ") + problem.mid(6);
    else if (problem.startsWith(u"--comment "_s))
        problem = Text::tr("Comment ") + problem.mid(10);
    return problem;
}

QString urlKey(const ManagedUrl &u)
{
    return u.url.trimmed().toLower() + u'\x1f' + ManagedUrl::matchName(u.match);
}
} // namespace

int UrlImportParse::sendable() const
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [](const UrlImportEntry &e) { return e.canSend(); }));
}

int UrlImportParse::invalid() const
{
    return int(entries.size()) - sendable();
}

UrlImportParse parseUrlImport(const QString &text, ManagedUrl::Action defaultAction,
                              ManagedUrl::Match defaultMatch)
{
    UrlImportParse out;
    QHash<QString, qsizetype> firstOf;
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        ++out.lines;
        const QStringList fields =
            common::splitImportFields(line, common::importDelimiter(line, u"\t,"), 1);
        if (out.lines == 1 && isHeader(fields)) {
            out.header = true;
            continue;
        }
        UrlImportEntry e;
        e.lines = {n + 1};
        e.entry.action = defaultAction;
        e.entry.match = defaultMatch;
        e.problem = readLine(e, fields);
        e.entry.url = e.entry.url.trimmed();
        if (!e.canSend()) {
            out.entries.append(e);
            continue;
        }
        const auto earlier = firstOf.constFind(urlKey(e.entry));
        if (earlier == firstOf.cend()) {
            firstOf.insert(urlKey(e.entry), out.entries.size());
            out.entries.append(e);
            continue;
        }
        UrlImportEntry &first = out.entries[*earlier];
        if (first.entry.action == e.entry.action) {
            first.lines.append(n + 1);
            ++out.duplicates;
            continue;
        }
        const QString conflict = Text::tr("Line %1 says %2 and line %3 says %4 for this URL: keep "
                                          "one of them")
                                     .arg(first.lines.first())
                                     .arg(ManagedUrl::actionName(first.entry.action))
                                     .arg(n + 1)
                                     .arg(ManagedUrl::actionName(e.entry.action));
        if (first.canSend())
            first.problem = conflict;
        e.problem = conflict;
        out.entries.append(e);
    }
    return out;
}

} // namespace mcdesk::threats
