#include "core/simulator/endpoints.h"
#include "core/simulator/simulatorhost.h"

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

HttpReply getAccount(SimContext &)
{
    const QJsonObject account{
        {u"accountCode"_s, u"CUSA51A42"_s},
        {u"accountName"_s, u"Demo Corp (simulator)"_s},
        {u"adminEmail"_s, u"admin@demo.example"_s},
        {u"region"_s, u"us"_s},
        {u"archive"_s, true},
        {u"gateway"_s, true},
        {u"maxRetention"_s, 3650},
        {u"maxRetentionConfirmed"_s, true},
        {u"automatedSegmentPurge"_s, true},
        {u"databaseCode"_s, u"usterm0101"_s},
        {u"supportCode"_s, u"DEMO1234"_s},
        {u"passphrase"_s, QString::fromLatin1(supportPassphrase)},
        {u"type"_s, u"full"_s},
        {u"mailPlatform"_s, u"office365"_s},
        {u"packages"_s, QJsonArray{u"Email Continuity [1012]"_s, u"Mimecast Cloud Archive [1023]"_s,
                                   u"Targeted Threat Protection - URL Protect [1060]"_s,
                                   u"Targeted Threat Protection - Attachment Protect [1061]"_s,
                                   u"Targeted Threat Protection - Impersonation Protect [1084]"_s,
                                   u"Advanced Secure Email Gateway [1100]"_s}},
        {u"mimecastId"_s, u"01-0042-00007"_s},
        {u"userCount"_s, 250},
        {u"policyInheritance"_s, false},
        {u"domain"_s, demoDomain()},
        {u"contactEmail"_s, u"it@demo.example"_s},
        {u"contactName"_s, u"Demo IT"_s},
        {u"telephone"_s, u"+1 555 0100"_s},
        {u"searchReason"_s, false},
        {u"adminSessionTimeout"_s, 60},
        {u"exportApi"_s, true},
    };
    return okReply({account});
}

HttpReply discoverAuthentication(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 1, &reply))
        return reply;
    const QJsonObject item = ctx.items().first().toObject();
    const QString email = item.value(u"emailAddress"_s).toString().trimmed();
    if (email.isEmpty())
        return okReply({}, {failItem(item, errorObject(u"err_validation_blank"_s,
                                                       u"emailAddress must not be blank"_s,
                                                       u"emailAddress"_s))});
    if (!isValidEmail(email))
        return okReply(
            {}, {failItem(item, errorObject(u"err_validation_invalid_email_address"_s,
                                            u"Email address is not valid"_s, u"emailAddress"_s))});
    const QString domain = email.section(u'@', 1).toLower();
    QJsonObject result{
        {u"emailAddress"_s, email},
        {u"emailToken"_s,
         makeOpaqueId(u"eNp"_s, ctx.config.seed, u"email:"_s + email.toLower(), 0)},
    };
    if (domain == demoDomain() || domain.endsWith(u'.' + demoDomain())) {
        result.insert(u"authenticate"_s, QJsonArray{u"cloud"_s});
        result.insert(u"region"_s, QJsonObject{{u"api"_s, ctx.baseUrl.toString()},
                                               {u"name"_s, u"Simulator"_s},
                                               {u"code"_s, u"sim"_s}});
    } else {
        result.insert(u"authenticate"_s, QJsonArray{});
    }
    return okReply({result});
}

} // namespace mcdesk::sim
