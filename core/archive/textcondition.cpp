#include "core/archive/textcondition.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

// Translation context for the free functions of this file.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(QueryBuilder)
};
const QString kOr = u" or "_s;

bool isList(TextField field)
{
    return field == TextField::From || field == TextField::To;
}
} // namespace

QString textPrefix(TextField field)
{
    switch (field) {
    case TextField::From:
        return u"from"_s;
    case TextField::To:
        return u"to"_s;
    case TextField::Subject:
        return u"subject"_s;
    case TextField::Body:
        return u"body"_s;
    case TextField::Free:
        break;
    }
    return {};
}

QString textFieldLabel(TextField field)
{
    switch (field) {
    case TextField::From:
        return Tr::tr("From");
    case TextField::To:
        return Tr::tr("To");
    case TextField::Subject:
        return Tr::tr("Subject");
    case TextField::Body:
        return Tr::tr("Body");
    case TextField::Free:
        break;
    }
    return Tr::tr("Free text");
}

QStringList addressItems(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',')) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            out << item;
    }
    return out;
}

QString joinText(TextField field, const QString &value)
{
    if (field == TextField::Free)
        return value;
    const QString prefix = textPrefix(field) + u": "_s;
    if (!isList(field))
        return prefix + value;
    const QStringList items = addressItems(value);
    if (items.isEmpty())
        return prefix;
    QStringList parts;
    for (const QString &item : items)
        parts << prefix + item;
    return parts.join(kOr);
}

TextParts splitText(const QString &text)
{
    for (TextField field : {TextField::From, TextField::To, TextField::Subject, TextField::Body}) {
        const QString prefix = textPrefix(field) + u": "_s;
        if (!text.startsWith(prefix))
            continue;
        QString value = text.mid(prefix.size());
        if (isList(field)) {
            QStringList items;
            for (const QString &part : text.split(kOr))
                items << (part.startsWith(prefix) ? part.mid(prefix.size()) : QString());
            value = items.join(u", "_s);
        }
        // Only the canonical spelling gets a field; the check makes display lossless.
        if (joinText(field, value) == text)
            return {field, value};
    }
    return {TextField::Free, text};
}

} // namespace mcdesk::archive
