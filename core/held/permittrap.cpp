#include "core/held/permittrap.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcdesk::held {

QString permitAddressName(PermitAddress choice)
{
    return choice == PermitAddress::Header ? u"header"_s : u"envelope"_s;
}

std::optional<PermitAddress> permitAddressFromName(const QString &name)
{
    if (name == u"envelope"_s)
        return PermitAddress::Envelope;
    if (name == u"header"_s)
        return PermitAddress::Header;
    return std::nullopt;
}

QString permittedAddress(const HeldMessage &m, PermitAddress choice)
{
    if (choice == PermitAddress::Header && !m.fromHeader.email.isEmpty())
        return m.fromHeader.email;
    return m.sender();
}

const QList<SharedSendingService> &sharedSendingServices()
{
    // Envelope (Return-Path) domains of services that send for many customers and give every
    // message its own bounce address, so that they can tell which message bounced:
    //   Amazon SES        0100018c2f…-000000@amazonses.com, …@eu-west-1.amazonses.com
    //   SendGrid          bounces+4711-ab12-alice=example.com@sendgrid.net (or em123.<customer>)
    //   Mailgun           bounce+1a2b3c.4d5e-alice=example.com@mg.mailgun.org
    //   Mailchimp         bounce-mc.us5_1234567.890-alice=example.com@mail123.mcsv.net
    //   Mandrill          bounce-md_31050260.6a1b…@mandrillapp.com
    //   Salesforce        …@bnc.salesforce.com; Marketing Cloud …@bounce.s7.exacttarget.com
    //   Microsoft         bounces+SRS=…@tenant.onmicrosoft.com (forwarding rewrites the sender)
    //   SparkPost, Postmark, HubSpot and Marketo use the same scheme.
    // A customer's own subdomain CNAMEd to one of these is caught by the token rule instead.
    static const QList<SharedSendingService> services{
        {u"amazonses.com"_s, u"Amazon SES"_s},
        {u"sendgrid.net"_s, u"SendGrid"_s},
        {u"mailgun.org"_s, u"Mailgun"_s},
        {u"mailgun.net"_s, u"Mailgun"_s},
        {u"mcsv.net"_s, u"Mailchimp"_s},
        {u"rsgsv.net"_s, u"Mailchimp"_s},
        {u"mcdlv.net"_s, u"Mailchimp"_s},
        {u"mandrillapp.com"_s, u"Mandrill"_s},
        {u"salesforce.com"_s, u"Salesforce"_s},
        {u"exacttarget.com"_s, u"Salesforce Marketing Cloud"_s},
        {u"onmicrosoft.com"_s, u"Microsoft 365"_s},
        {u"sparkpostmail.com"_s, u"SparkPost"_s},
        {u"mtasv.net"_s, u"Postmark"_s},
        {u"hubspotemail.net"_s, u"HubSpot"_s},
        {u"mktomail.com"_s, u"Marketo"_s},
    };
    return services;
}

bool looksLikeToken(const QString &localPart)
{
    // VERP and SRS put the recipient or the original sender after '='; prvs= signs the address.
    if (localPart.contains(u'='))
        return true;
    int digits = 0;
    for (const QChar c : localPart)
        digits += c.isDigit() ? 1 : 0;
    if (digits >= 6)
        return true;
    // A hex run as long as a message id (with digits in it: "bounce" alone is a word).
    static const QRegularExpression hexRun(u"[0-9a-f]{12,}"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = hexRun.globalMatch(localPart); it.hasNext();) {
        const QString run = it.next().captured();
        if (std::any_of(run.cbegin(), run.cend(), [](QChar c) { return c.isDigit(); }))
            return true;
    }
    return false;
}

namespace {

const SharedSendingService *serviceOf(const QString &domain)
{
    for (const SharedSendingService &s : sharedSendingServices())
        if (domain == s.domain || domain.endsWith(u'.' + s.domain))
            return &s;
    return nullptr;
}

} // namespace

std::optional<PermitTrap> permitTrap(const HeldMessage &m)
{
    const QString envelope = m.fromEnvelope.email.trimmed().toLower();
    const qsizetype at = envelope.lastIndexOf(u'@');
    if (envelope.isEmpty() || at <= 0)
        return std::nullopt;
    const QString header = m.fromHeader.email.trimmed().toLower();
    PermitTrap trap{m.fromEnvelope.email, header == envelope ? QString() : m.fromHeader.email, {}};
    if (const SharedSendingService *service = serviceOf(envelope.mid(at + 1))) {
        trap.why = u"%1 is a %2 bounce address, new for every message."_s.arg(m.fromEnvelope.email,
                                                                              service->name);
        return trap;
    }
    if (!header.isEmpty() && header != envelope && looksLikeToken(envelope.left(at))) {
        trap.why = u"%1 looks like a per-message bounce address (it differs from the From "
                   u"header %2)."_s.arg(m.fromEnvelope.email, m.fromHeader.email);
        return trap;
    }
    return std::nullopt;
}

} // namespace mcdesk::held
