// Managed-URL writes (block-url, permit-url, delete-managed-url) as journaled writes: one entry
// a request. A create or delete whose answer was lost is looked up in the managed-URL list
// before it is ever sent again, so a crash or a dropped reply never writes twice.
#include "core/actions/actionrunner.h"
#include "core/actions/journaledwrite.h"
#include "core/threats/threatoperations.h"

#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

using jobs::ItemState;
using jobs::JobItem;

// Mimecast lists an entry split up (scheme, domain, path…): compared as normalised URLs.
QString normalUrl(const QString &url)
{
    return QUrl(url.trimmed())
        .adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
        .toString(QUrl::FullyEncoded)
        .toLower();
}

bool sameEntry(const threats::ManagedUrl &asked, const threats::ManagedUrl &listed)
{
    return listed.action == asked.action && listed.match == asked.match &&
           normalUrl(listed.displayUrl()) == normalUrl(asked.url);
}

} // namespace

void JournaledWrite::reconcileManagedUrls(const QList<int> &seqs)
{
    auto *read = new threats::ListManagedUrls(m_client, {}, this);
    m_step = read;
    connect(read, &api::SingleCall::finished, this, [this, read, seqs] {
        read->deleteLater();
        m_step.clear();
        const api::ApiError &error = read->error();
        if (m_cancelled && error.isError())
            return sendRound();
        if (error.kind == api::ApiError::Kind::Connection ||
            error.kind == api::ApiError::Kind::Timeout) {
            --m_reconcileRounds;
            return pauseForConnection(error, [this, seqs] { reconcile(seqs); });
        }
        const bool deleting = m_action == ActionId::DeleteManagedUrl;
        QList<JobItem> settledNow;
        for (int seq : seqs) {
            JobItem item = m_items.at(seq);
            const threats::ManagedUrl asked = threats::ManagedUrl::fromKey(item.key);
            const auto listed =
                std::find_if(read->entries().cbegin(), read->entries().cend(),
                             [&](const threats::ManagedUrl &m) {
                                 return deleting ? m.id == item.key : sameEntry(asked, m);
                             });
            const bool present = listed != read->entries().cend();
            if (error.isError()) {
                item.state = ItemState::Unknown;
                item.message = u"Its state could not be checked ("_s + error.describe() +
                               u"); it is not sent again until it can be."_s;
            } else if (present != deleting) { // created and listed, or deleted and gone
                item.state = ItemState::Done;
                item.code = u"mcdesk_reconciled"_s;
                item.message = deleting ? u"No longer listed: counted as deleted."_s
                                        : u"Found in the managed URL list; not sent again."_s;
                if (!deleting) {
                    item.detail = listed->toData();
                    item.detail.insert(u"id"_s, listed->id);
                    item.detail.insert(u"url"_s, listed->displayUrl());
                }
            } else {
                item.state = ItemState::Pending;
                item.message = deleting ? u"Still listed, so the earlier delete did not take "
                                          u"effect; sent again."_s
                                        : u"Not listed, so the earlier request did not take "
                                          u"effect; sent again."_s;
            }
            settledNow.append(item);
        }
        afterReconcileRead(settledNow, error);
    });
    read->start();
}

} // namespace mcdesk::actions
