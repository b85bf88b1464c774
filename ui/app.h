#pragma once

namespace mcdesk::ui {

// mcdesk's main(): parses the command line (see AppOptions), builds the main window with the
// system keychain and the user's settings, and runs the event loop. Returns the exit status:
// 0 normal exit or screenshot written; 1 screenshot failed; 2 invalid command line.
int runApp(int argc, char **argv);

} // namespace mcdesk::ui
