<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <source>Mimecast Triage Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Mimecast Triage Desk: triage held mail, keep sender lists and search the Mimecast archive. Connections are kept in the system keychain; --demo runs everything on a built-in simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on the built-in Mimecast simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay every simulator reply by MS milliseconds (default 80).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the connection NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this page: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the page once its data has loaded, write it to FILE as PNG and exit. Needs no display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--latency must be a number of milliseconds from 0 to 60000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page must be one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --demo or --profile, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Add connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the connection and reload the page (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Mimecast Triage Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Held queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Query builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sender lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ctivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ActivityFilterBar</name>
    <message>
        <source>Fro&amp;m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only actions on or after this day (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only actions on or before this day (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the actions shown to a CSV file for the case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the audit log again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ActivityPage</name>
    <message>
        <source>No actions recorded yet.
Releases, rejections, reports and sender changes appear here with their case, alert group and the outcome of every item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network log (this session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read:
%1

Make sure the file is readable by your account, then choose Reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity could not be exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1 (rows: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::AuditModel</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ConnectionController</name>
    <message>
        <source>The built-in simulator could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the secrets of &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ConnectionIndicator</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection in the profile list, or try the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew: %1 s (server minus this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock is off; API 1.0 requests fail beyond 15 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ConnectionsDialog</name>
    <message>
        <source>%1 (custom host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mimecast Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet. Choose Add to connect to your Mimecast account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API 1.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API 2.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection called “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the keychain entries of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the connection “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its keys and secrets are removed from the system keychain. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the keychain entries of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1” and its keychain entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entries of “%1” were removed, but the connection could not be: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::HostPicker</name>
    <message>
        <source>Mimecast API host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;understand credentials will be sent to a host outside Mimecast&apos;s domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyst@yourcompany.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mimecast answers which region serves this address. Only the address (and the Application ID, if entered) is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://mimecast-proxy.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a proxy your security team runs: credentials go to this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never use an address someone sent you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by e&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen only in third-party tables; prefer discovery from an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL: choose your region&apos;s API host, find it by email, or enter a custom host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL: enter the custom host, such as https://mimecast-proxy.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL host “%1” is outside Mimecast&apos;s domains: confirm that credentials may be sent there, or choose a Mimecast host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address of your organisation, such as analyst@yourcompany.com. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Mimecast which region serves %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1, an API 1.0 host. API 2.0 applications use a gateway: keep the global one unless your data must stay in the UK or the US.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 (not one of the hosts Mimecast publishes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mimecast Triage Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection editor is not part of this build yet. Try the demo, or use mcdesk-cli with the MIMECAST_* environment variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Mimecast Triage Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mimecast Triage Desk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triage held mail, keep sender lists and search the Mimecast archive. Every action is written to the audit log with its case.

Audit log: %1
Settings: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::MessageBar</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::NetworkLogModel</name>
    <message>
        <source>no reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::PlaceholderPage</name>
    <message>
        <source>Held queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will hold the held-message queue: every message Mimecast is holding for review, to work through quickly and safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A table of held messages (received, from, to, subject, reason, policy, route, size, attachments) that fills in page by page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters by sender, recipient, subject, reason code, route and date, plus a quick local filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A details pane with attachments and their SHA-256 hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release, release to sandbox, reject and report on one or many messages, with per-message outcomes and Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A held summary per policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives with issue 5. Every action it runs is audited with the Case and Alert group from the toolbar and shows up on the Activity page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile the command line does the same work: mcdesk-cli list-held, release-message, reject-message and held-summary (add --demo to try them on the simulator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will hold the simple archive search: find who else received a message, from whom and when, and put the result in the case file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form: fields to return, time frame (presets or a custom range shown in UTC), mailboxes, from, to, subject and a result limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show XML: the exact query that will be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results in a sortable grid, exported to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in builder, to refine the query visually</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives with issue 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: mcdesk-cli simple-archive-search --from ADDRESS --time-frame &quot;Last 24 Hours&quot; --csv FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will hold the visual builder for Mimecast&apos;s XML archive queries, and the advanced XML editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions as form rows: text, from, to, subject, body, dates, attachments, route, mailboxes and return fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live XML preview that is always exactly what will be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste or open any XML query; parts the builder does not know are kept as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo and redo, saved queries and recent queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An XML editor that marks the line and column of an error before anything is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: mcdesk-cli advanced-archive-search --xml-query-file QUERY.xml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page will hold the permit and block lists you keep for your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senders this app permitted or blocked (from the audit log), with the managed sender id Mimecast returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mimecast&apos;s blocked-sender policies, read from the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permit, block and remove, with addresses checked as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives with issue 5. Every change is audited with the Case and Alert group from the toolbar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: mcdesk-cli permit-sender or block-sender --sender ADDRESS --recipient ADDRESS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ProfileDialog</name>
    <message>
        <source>Edit Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Mimecast Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Production EU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;2.0 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID and Client Secret, OAuth 2.0 client credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;1.0 (legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application ID and Key, Access Key and Secret Key, HMAC-signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mimecast stopped creating new API 1.0 applications in mid-2025.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Application ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access ke&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;cret key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored only in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the host and credentials without saving them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Connection “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Rename in the connections list to change the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged — leave empty to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection called “%1” already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required for an API %2 connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Key is not valid base64: paste it exactly as Mimecast showed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: correct the field named below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: %1 · Round trip: %2 ms · Clock skew: %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock is more than a minute off; API 1.0 requests fail beyond 15 minutes. Set the clock automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was not saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::Regions</name>
    <message>
        <source>Global gateway, automatic failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom gateway, pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States gateway, pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Europe (excl. Germany)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States (A grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States (B grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US public sector (unconfirmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offshore / Jersey (unconfirmed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::ScreenshotRunner</name>
    <message>
        <source>The page did not finish loading within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no page &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (%2x%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::Session</name>
    <message>
        <source>The connection &quot;%1&quot; does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not run: there is no working connection. Choose a connection in the toolbar or add one with File &gt; Manage connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cancelling…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is unknown: refresh and check before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::SessionToolbar</name>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Mimecast connection every page and action uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. INC-1042</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case ID recorded with every action in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert group identifiers, separated by commas, recorded with every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert &amp;group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in simulator; nothing leaves this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage connections…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::TaskStatus</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running work (Esc in most pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mcdesk::ui::WelcomePage</name>
    <message>
        <source>&amp;Add Mimecast connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Mimecast Triage Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triage held mail, keep sender permit and block lists, and search the archive, with every action recorded against your case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to your Mimecast account with API 2.0 (Client ID and Secret) or API 1.0 keys. Secrets are kept only in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a built-in Mimecast simulator on this computer with sample held mail and archive messages. Nothing leaves this machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
