#include "core/threats/bodylinks.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcdesk::threats {

namespace {
const QRegularExpression &linkPattern()
{
    // Up to whitespace, quotes or angle brackets: how links sit in a text body.
    static const QRegularExpression re(u"https?://[^\\s<>\"']+"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString trimmed(QString link)
{
    while (!link.isEmpty() && u".,;:!?)]}"_s.contains(link.back()))
        link.chop(1);
    return link;
}

template<typename F> void eachLink(const QString &text, F &&f)
{
    auto it = linkPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString link = trimmed(m.captured());
        if (link.size() > 8 && !f(link, int(m.capturedStart())))
            return;
    }
}
} // namespace

QStringList webLinksIn(const QString &text)
{
    QStringList out;
    eachLink(text, [&out](const QString &link, int) {
        if (!out.contains(link))
            out << link;
        return true;
    });
    return out;
}

QString webLinkAt(const QString &text, int position)
{
    QString found;
    eachLink(text, [&found, position](const QString &link, int start) {
        if (position >= start && position <= start + link.size()) {
            found = link;
            return false;
        }
        return start <= position;
    });
    return found;
}

} // namespace mcdesk::threats
