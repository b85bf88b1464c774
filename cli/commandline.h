#pragma once

namespace mcdesk::cli {

// mcdesk-cli: the seed's actions for scripts and SOAR playbooks (docs/contract.md, CLI
// contract). One JSON object on stdout, diagnostics on stderr; returns the process exit status.
int run(int argc, char **argv);

} // namespace mcdesk::cli
