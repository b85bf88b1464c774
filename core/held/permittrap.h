#pragma once

#include "core/held/heldmessage.h"

#include <QList>
#include <QString>

#include <optional>

// The permit that never matches. Mail sent through shared infrastructure (Amazon SES, SendGrid,
// Mailchimp, …) carries a per-message envelope address ("0100018c…@amazonses.com",
// "bounces+4711-ab12=example.com@…"): a permit for it matches no later message, so the sender
// keeps getting held. Release & permit checks for it and offers the header address instead.
namespace mcdesk::held {

// Which address of a held message a release & permit names.
enum class PermitAddress { Envelope, Header };
QString permitAddressName(PermitAddress choice); // "envelope" | "header"
std::optional<PermitAddress> permitAddressFromName(const QString &name);
// The address permitted for `m`: its envelope sender (the default, as HeldMessage::sender()),
// or its header From; either falls back to the other when it is empty.
QString permittedAddress(const HeldMessage &m, PermitAddress choice);

// A sending service whose envelope addresses are per-message tokens.
struct SharedSendingService
{
    QString domain; // matches itself and its subdomains
    QString name;   // "Amazon SES"
};
// The documented list, with the address shapes each one uses (permittrap.cpp).
const QList<SharedSendingService> &sharedSendingServices();

struct PermitTrap
{
    QString envelope;
    QString header; // empty when the message has no header From to offer
    QString why;    // one sentence: "… is an Amazon SES bounce address, new for every message."
};
// Set when permitting `m`'s envelope sender would not match its next message: the envelope
// domain is a shared sending service's, or the envelope address differs from the header
// address and its local part looks like a token (a long hex or digit run, '=' of VERP and SRS).
std::optional<PermitTrap> permitTrap(const HeldMessage &m);
bool looksLikeToken(const QString &localPart);

} // namespace mcdesk::held
