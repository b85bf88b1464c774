#include "core/archive/buildervalidation.h"

#include "core/archive/simplesearch.h"
#include "core/archive/textcondition.h"
#include "core/common/address.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

// Translation context for the free functions of this file.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(QueryBuilder)
};

using archive::Condition;

using address::isDomain;
using address::isEmailAddress;

// The problem with one condition, or an empty string; *blocking says whether Run must wait.
QString checkCondition(const Condition &c, bool *blocking)
{
    *blocking = true;
    switch (c.kind) {
    case Condition::Kind::Text: {
        const TextParts parts = splitText(c.value);
        if (parts.field == TextField::Free)
            return {}; // an empty <text/> is Mimecast's documented placeholder
        if (parts.value.trimmed().isEmpty())
            return Tr::tr("enter a value or remove the row");
        if (parts.field == TextField::From || parts.field == TextField::To) {
            for (const QString &item : addressItems(parts.value)) {
                const QString problem = checkAddress(item, true);
                if (!problem.isEmpty())
                    return problem;
            }
        }
        return {};
    }
    case Condition::Kind::Date:
        if (c.dateSelect != archive::DateSelect::Between)
            return {};
        if (!c.from.isValid() && !c.to.isValid())
            return Tr::tr("choose a start, an end or both");
        if (c.from.isValid() && c.to.isValid() && c.from >= c.to)
            return Tr::tr("the start must be before the end");
        return {};
    case Condition::Kind::Sent:
        if (c.sentSelect == archive::SentSelect::Unset) {
            *blocking = false;
            return c.value.isEmpty() ? QString() : Tr::tr("choose Sent from or Sent to");
        }
        if (c.value.trimmed().isEmpty())
            return Tr::tr("enter an address or domain, or remove the row");
        return checkAddress(c.value, true);
    case Condition::Kind::Docs:
    case Condition::Kind::Route:
    case Condition::Kind::Unknown:
        break;
    }
    return {};
}

} // namespace

QString checkAddress(const QString &text, bool domainAllowed)
{
    if (text.isEmpty())
        return Tr::tr("enter an address");
    if (isEmailAddress(text) || (domainAllowed && isDomain(text)))
        return {};
    return domainAllowed ? Tr::tr("\"%1\" is not a valid email address or domain").arg(text)
                         : Tr::tr("\"%1\" is not a valid email address").arg(text);
}

QString conditionLabel(const Condition &c)
{
    switch (c.kind) {
    case Condition::Kind::Text:
        return textFieldLabel(splitText(c.value).field);
    case Condition::Kind::Date:
        return Tr::tr("Date");
    case Condition::Kind::Sent:
        if (c.sentSelect == archive::SentSelect::From)
            return Tr::tr("Sent from");
        if (c.sentSelect == archive::SentSelect::To)
            return Tr::tr("Sent to");
        return Tr::tr("Sent");
    case Condition::Kind::Docs:
        return Tr::tr("Attachments");
    case Condition::Kind::Route:
        return Tr::tr("Route");
    case Condition::Kind::Unknown:
        break;
    }
    return Tr::tr("Kept as written");
}

QList<Issue> validateQuery(const archive::ArchiveQuery &query)
{
    QList<Issue> issues;
    const archive::Metadata &m = query.metadata;
    for (int i = 0; i < m.mailboxes.size(); ++i) {
        const QString problem = checkAddress(m.mailboxes.at(i).address.trimmed(), false);
        if (!problem.isEmpty())
            issues.append({Issue::Section::Mailboxes, i,
                           Tr::tr("Mailbox %1: %2").arg(i + 1).arg(problem), true});
    }
    if (m.returnFields.isEmpty()) {
        issues.append({Issue::Section::ReturnFields, -1,
                       Tr::tr("Return fields: choose at least one field"), true});
    }
    const QStringList documented = archive::documentedReturnFields();
    for (int i = 0; i < m.returnFields.size(); ++i) {
        const QString &field = m.returnFields.at(i);
        if (field.trimmed().isEmpty())
            issues.append({Issue::Section::ReturnFields, i,
                           Tr::tr("Return fields: a field name is empty"), true});
        else if (!documented.contains(field))
            issues.append({Issue::Section::ReturnFields, i,
                           Tr::tr("Return fields: \"%1\" is not documented by Mimecast").arg(field),
                           false});
    }
    for (int i = 0; i < query.conditions.size(); ++i) {
        const Condition &c = query.conditions.at(i);
        bool blocking = true;
        const QString problem = checkCondition(c, &blocking);
        if (!problem.isEmpty())
            issues.append({Issue::Section::Conditions, i,
                           Tr::tr("Row %1 (%2): %3").arg(i + 1).arg(conditionLabel(c), problem),
                           blocking});
    }
    if (m.pageSize && *m.pageSize > archive::kMaxPageSize)
        issues.append({Issue::Section::Options, -1,
                       Tr::tr("Page size: Mimecast returns at most %1 messages a page")
                           .arg(archive::kMaxPageSize),
                       false});
    return issues;
}

} // namespace mcdesk::archive
