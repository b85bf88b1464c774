// The reply envelope ({"meta","data","fail"}) and the error mapping of every answer that
// classify() passes on to be read: what ApiCall::onReplyFinished() does with a reply body.
#include "core/api/apierror.h"
#include "core/api/replyhandling.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace mcdesk;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const api::replies::Envelope envelope = api::replies::parseEnvelope(fuzz::bytes(data, size));
    for (const api::ItemFailure &failure : api::parseFailures(envelope.fail))
        (void)failure.key.keys();
    // 2xx and 4xx reach replyError() (429 and 5xx are retried or failed before it); 401, 403
    // and 418 have texts of their own. Reads and writes, both APIs.
    const struct
    {
        int status;
        api::CallKind kind;
        api::Credentials::Kind auth;
    } answers[] = {{200, api::CallKind::Read, api::Credentials::Kind::Api2},
                   {200, api::CallKind::Write, api::Credentials::Kind::Api1},
                   {400, api::CallKind::Write, api::Credentials::Kind::Api2},
                   {401, api::CallKind::Read, api::Credentials::Kind::Api1},
                   {403, api::CallKind::Read, api::Credentials::Kind::Api2},
                   {418, api::CallKind::Write, api::Credentials::Kind::Api1}};
    for (const auto &answer : answers) {
        const api::ApiError error =
            api::replies::replyError(answer.status, envelope, answer.kind, answer.auth,
                                     u"/api/gateway/get-hold-message-list"_s);
        (void)error.describe();
        (void)error.kindName();
    }
    return 0;
}
