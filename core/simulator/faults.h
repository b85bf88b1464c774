#pragma once

#include "core/simulator/httpmessage.h"
#include "core/simulator/simulatorhost.h"

#include <QList>

#include <optional>

namespace mcdesk::sim {

// Injected faults, consumed in order: each request uses at most one rule, the first whose
// path matches (empty path = any) and that has uses left.
class FaultBook
{
public:
    void add(const FaultRule &rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    std::optional<FaultRule> take(const QString &path);

private:
    QList<FaultRule> m_rules;
};

// The reply a fault produces (every kind except ItemFailure, which the endpoint applies).
HttpReply faultReply(const FaultRule &rule);

} // namespace mcdesk::sim
