#pragma once

#include <QtGlobal>

namespace mcdesk::common {

// "Latest request wins": every new request (query, selection, ping) takes a ticket with next();
// its reply is used only while isCurrent(ticket), so an answer to a superseded request is
// dropped however late it comes. invalidate() retires the current ticket without starting a new
// request (connection replaced, pane cleared). Tickets only grow and are never reissued; 0 is
// never current, so a default Ticket matches nothing.
class LatestRequest
{
public:
    using Ticket = quint64;

    Ticket next()
    {
        m_valid = true;
        return ++m_last;
    }
    bool isCurrent(Ticket ticket) const { return m_valid && ticket != 0 && ticket == m_last; }
    // The ticket replies must carry to be used now; 0 when there is none.
    Ticket current() const { return m_valid ? m_last : 0; }
    void invalidate() { m_valid = false; }

private:
    Ticket m_last = 0;
    bool m_valid = false;
};

} // namespace mcdesk::common
