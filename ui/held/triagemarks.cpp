#include "ui/held/triagemarks.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::triage {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("mcdesk::ui::triage", text);
}
} // namespace

const QList<HeldAction> &markableActions()
{
    // Report is not offered: Mimecast deprecated it, and rejecting is the supported way.
    static const QList<HeldAction> actions{HeldAction::Release, HeldAction::ReleaseToSandbox,
                                           HeldAction::ReleaseAndPermit, HeldAction::Reject,
                                           HeldAction::RejectAndBlock};
    return actions;
}

QString markLabel(HeldAction action)
{
    switch (action) {
    case HeldAction::Release:
        return tr("Release");
    case HeldAction::ReleaseToSandbox:
        return tr("Sandbox");
    case HeldAction::ReleaseAndPermit:
        return tr("Release & permit");
    case HeldAction::Reject:
        return tr("Reject");
    case HeldAction::RejectAndBlock:
        return tr("Reject & block");
    case HeldAction::Report:
        break;
    }
    return {};
}

QString phrase(HeldAction action)
{
    switch (action) {
    case HeldAction::Release:
        return tr("to release");
    case HeldAction::ReleaseToSandbox:
        return tr("to release to the sandbox");
    case HeldAction::ReleaseAndPermit:
        return tr("to release & permit");
    case HeldAction::Reject:
        return tr("to reject");
    case HeldAction::RejectAndBlock:
        return tr("to reject & block");
    case HeldAction::Report:
        break;
    }
    return {};
}

QList<std::pair<HeldAction, int>> counts(const Marks &marks)
{
    QHash<int, int> n;
    for (const HeldAction action : marks)
        ++n[int(action)];
    QList<std::pair<HeldAction, int>> out;
    for (const HeldAction action : markableActions())
        if (const int count = n.value(int(action)))
            out.append({action, count});
    return out;
}

QString summary(const Marks &marks)
{
    QStringList parts;
    for (const auto &[action, count] : counts(marks))
        parts << u"%1 %2"_s.arg(count).arg(phrase(action));
    return parts.join(u", "_s);
}

} // namespace mcdesk::ui::triage
