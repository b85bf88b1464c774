#include "core/api/operation.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace mcdesk::api {

ApiError cancelledError(const QString &message, bool outcomeUnknown)
{
    return {ApiError::Kind::Cancelled, 0, kCancelledCode, message, outcomeUnknown};
}

Operation::Operation(Ownership ownership, QObject *parent)
    : QObject(parent)
    , m_ownership(ownership)
{}

void Operation::start()
{
    if (m_started || m_cancelled || m_finished)
        return;
    m_started = true;
    doStart();
}

void Operation::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    doCancel();
}

void Operation::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
    if (m_ownership == Ownership::DeletesItself)
        deleteLater();
}

void Operation::finishCancelledLater(const QString &message)
{
    QTimer::singleShot(0, this, [this, message] {
        if (m_finished)
            return;
        if (!m_error.isError())
            m_error = cancelledError(message);
        finish();
    });
}

} // namespace mcdesk::api
