#pragma once

#include "core/secrets/secretstore.h"

#include <QTest>

#include <functional>
#include <memory>

namespace mcdesk::secrets::testing {

// Records how a store answered one operation: what, how often, and whether the callback ran
// before the starting call returned (it never should).
struct Answer
{
    SecretResult result;
    int calls = 0;
    bool synchronous = false;
};

inline std::shared_ptr<Answer> start(const std::function<void(SecretCallback)> &operation)
{
    auto answer = std::make_shared<Answer>();
    auto inCall = std::make_shared<bool>(true);
    operation([answer, inCall](const SecretResult &result) {
        answer->result = result;
        ++answer->calls;
        answer->synchronous = answer->synchronous || *inCall;
    });
    *inCall = false;
    return answer;
}

inline bool waitFor(const std::shared_ptr<Answer> &answer, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&answer] { return answer->calls > 0; }, timeoutMs);
}

// Starts an operation and waits for its answer; `ok` is false when none came in time.
inline SecretResult run(const std::function<void(SecretCallback)> &operation, bool *ok,
                        int timeoutMs = 15000)
{
    const auto answer = start(operation);
    *ok = waitFor(answer, timeoutMs) && answer->calls == 1 && !answer->synchronous;
    return answer->result;
}

} // namespace mcdesk::secrets::testing
