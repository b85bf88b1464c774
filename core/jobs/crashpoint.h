#pragma once

namespace mcdesk::jobs {

// A fault-injection seam for the crash tests (tests/integration/test_jobs_crash.cpp): when
// MCDESK_TEST_CRASH_AT is "NAME:N", the Nth time the point NAME is reached the process kills
// itself with SIGKILL, as a power cut or `kill -9` would. Unset (always, outside those tests),
// it does nothing.
void crashPoint(const char *name);

} // namespace mcdesk::jobs
