#pragma once

#include "ui/held/heldactionjob.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mcdesk::ui {

// Mark, then apply: the analyst decides message by message (one key each), and the decisions
// are sent together, one batched action per kind. A mark is a held action waiting to be sent,
// kept by message id so it survives a refresh of the queue.
namespace triage {

using Marks = QHash<QString, HeldAction>; // message id -> the action decided

// The actions a message can be marked with, in the order they are applied and listed.
const QList<HeldAction> &markableActions();
// The Mark column's text: "Release", "Sandbox", "Reject", "Release & permit", "Reject & block".
QString markLabel(HeldAction action);
// "12 to release, 3 to reject"; empty when nothing is marked.
QString summary(const Marks &marks);
// "to release", "to release to the sandbox", …
QString phrase(HeldAction action);
// How many messages carry each mark, in markableActions() order (zero counts left out).
QList<std::pair<HeldAction, int>> counts(const Marks &marks);

} // namespace triage

} // namespace mcdesk::ui
