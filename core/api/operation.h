#pragma once

#include "core/api/apierror.h"

#include <QObject>

namespace mcdesk::api {

// The base of everything that talks to Mimecast through the ApiClient: one request (ApiCall,
// SingleCall), pages (PagedCall) or batches (BatchWrite). Whoever holds an operation can
// start, cancel and read it without knowing which it is. finished() is emitted exactly once,
// with error() already set; cancelling a finished operation does nothing.
class Operation : public QObject
{
    Q_OBJECT
public:
    // ApiCall deletes itself after finished(); the typed operations are deleted by their owner
    // (a parent, or deleteLater() in the finished() handler), as they always were.
    enum class Ownership { DeletesItself, OwnerDeletes };

    // Starts the work once; a second start() or one after cancel() does nothing.
    void start();
    // Stops the work. finished() follows (never from inside cancel()) with a Cancelled error,
    // unless the operation ends otherwise first: a write already sent is never taken back, so
    // its real answer is still reported.
    void cancel();

    const ApiError &error() const { return m_error; }
    bool isStarted() const { return m_started; }
    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finished; }

signals:
    void finished();

protected:
    Operation(Ownership ownership, QObject *parent);

    virtual void doStart() = 0;
    // Called once, by cancel(), while the operation is unfinished.
    virtual void doCancel() = 0;
    // Emits finished() the first time (later calls do nothing) with m_error as it stands,
    // then deletes the operation if it owns itself.
    void finish();
    // For a cancel() that has nothing in flight to wait for: finishes on the next event loop
    // pass with a Cancelled error (unless something else finished it first).
    void finishCancelledLater(const QString &message);

    ApiError m_error;

private:
    Ownership m_ownership;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

ApiError cancelledError(const QString &message, bool outcomeUnknown = false);

} // namespace mcdesk::api
