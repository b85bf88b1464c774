#include "ui/held/heldqueueloader.h"

#include "ui/common/uilogging.h"
#include "ui/held/heldmessagemodel.h"
#include "ui/shell/session.h"

namespace mcdesk::ui {

HeldQueueLoader::HeldQueueLoader(Session *session, HeldMessageModel *model, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_model(model)
{}

void HeldQueueLoader::stopCurrent()
{
    if (m_list)
        m_list->cancel(); // a page still on its way belongs to a superseded query and is dropped
    m_list = nullptr;
    if (m_task)
        m_session->endTask(m_task);
    m_task = 0;
    m_loading = false;
}

void HeldQueueLoader::start(const held::HeldQuery &query)
{
    stopCurrent();
    const common::LatestRequest::Ticket ticket = m_model->beginQuery();
    m_total = 0;
    api::ApiClient *client = m_session->client();
    if (!client)
        return;
    auto *list = new held::ListHeldMessages(client, query, this);
    m_list = list;
    m_limit = query.limit;
    m_loading = true;
    m_task = m_session->beginTask(tr("Loading held messages"), [list = QPointer(list)] {
        if (list)
            list->cancel();
    });
    connect(list, &held::ListHeldMessages::pageArrived, this,
            [this, ticket, list](const QList<held::HeldMessage> &page) {
                const int before = m_model->rowCount();
                if (!m_model->appendPage(ticket, page))
                    return;
                m_total = list->totalCount();
                if (m_task)
                    m_session->progress(m_task, m_model->rowCount(),
                                        qMin(qMax(m_total, 0), m_limit));
                if (m_model->rowCount() > before)
                    emit pageLoaded(before, m_model->rowCount() - 1);
            });
    connect(list, &held::ListHeldMessages::finished, this, [this, list, ticket] {
        list->deleteLater();
        if (!m_model->isCurrent(ticket))
            return;
        if (m_task)
            m_session->endTask(m_task);
        m_task = 0;
        m_list = nullptr;
        m_loading = false;
        m_loadedOnce = true;
        const api::ApiError &error = list->error();
        if (error.isError() && error.kind != api::ApiError::Kind::Cancelled)
            m_session->reportApiError(tr("The held queue could not be loaded."), error);
        qCInfo(lcUiHeld) << "held queue:" << m_model->rowCount() << "of" << m_total << "loaded";
        emit finished();
    });
    list->start();
}

} // namespace mcdesk::ui
