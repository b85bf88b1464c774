#include "core/common/address.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcdesk::address {

namespace {
const QString kDomain = u"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                        u"(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})"_s;
const QString kLocal = u"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"_s;
} // namespace

bool isEmailAddress(const QString &text)
{
    static const QRegularExpression re(u"^"_s + kLocal + u"@"_s + kDomain + u"$"_s);
    return text.size() <= 254 && re.match(text).hasMatch();
}

bool isDomain(const QString &text)
{
    static const QRegularExpression re(u"^"_s + kDomain + u"$"_s);
    return text.size() <= 253 && re.match(text).hasMatch();
}

QString checkEmailAddress(const QString &address)
{
    if (address.isEmpty())
        return u"is empty"_s;
    if (!isEmailAddress(address))
        return u"\""_s + address + u"\" is not a valid email address (expected name@domain.tld)"_s;
    return {};
}

} // namespace mcdesk::address
