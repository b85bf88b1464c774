#pragma once

#include "cli/command.h"

namespace mcdesk::cli {

// Every mcdesk-cli command, by area (one file each under cli/commands/).
void addAccountCommands(Commands &out); // ping
void addArchiveCommands(Commands &out); // simple- and advanced-archive-search
void addHeldCommands(Commands &out);    // the held queue and the combined moves
void addSenderCommands(Commands &out);  // permit, block, import
void addPolicyCommands(Commands &out);  // blocked-sender policies
void addJobCommands(Commands &out);     // jobs, resume
void addRespondCommands(Commands &out); // incident response: track, remediate, incidents
void addThreatCommands(Commands &out);  // who clicked, managed URLs, decode-url

// All of them, in the order of actions::actionNames().
Commands allCommands();

} // namespace mcdesk::cli
