#pragma once

#include "core/senders/managedsender.h"

#include <QList>
#include <QString>

namespace mcdesk::senders {

// One entry of a bulk sender import: where it came from, whether it can be sent, and (after
// sending) what Mimecast did with it. Exact repeats of a good line are collapsed into one entry.
struct ImportEntry
{
    enum class State {
        Ready,   // valid, not sent yet
        Invalid, // never sent; `problem` says why
        Sending,
        Done,    // Mimecast's managed-sender id and type in `managedSenderId`/`type`
        Failed,  // Mimecast's reason in `message`, its code in `code`
        Unknown, // the request may or may not have run: check in the console
    };

    QList<int> lines; // 1-based lines of the pasted text or file
    QString sender;
    QString recipient;
    QString actionText; // as written (an invalid action is shown as given)
    senders::ManagedSender::Action action = senders::ManagedSender::Action::Block;
    QString problem;
    State state = State::Ready;
    QString managedSenderId;
    QString type;
    QString code;
    QString message;

    bool canSend() const { return problem.isEmpty(); }
    // Case-insensitive sender and recipient: what makes two lines the same entry.
    QString pairKey() const;
    // What ActionRunner and PermitOrBlockSenders call the entry (exact text).
    senders::ManagedSender toManagedSender() const { return {sender, recipient, action}; }
};

struct ImportParse
{
    QList<ImportEntry> entries;
    int lines = 0;      // non-empty, non-comment lines read, header included
    int duplicates = 0; // lines folded into an earlier identical entry
    bool header = false;

    int sendable() const;
    int invalid() const;
};

// Reads `sender,recipient,action` lines (a header line is optional; comma, semicolon or tab
// separated; fields may be quoted as in CSV; blank lines and lines starting with # are
// skipped). Every line that cannot be sent gets a reason that names the field.
ImportParse parseSenderImport(const QString &text);

// An import file, read alike by the Sender lists page and mcdesk-cli import-senders: UTF-8
// (a byte-order mark is dropped) and at most kMaxImportFileBytes, far beyond any real list, so
// a wrong file chosen by accident is refused rather than read.
inline constexpr qint64 kMaxImportFileBytes = 20 * 1024 * 1024;
struct ImportFile
{
    enum class Status { Ok, TooLarge, Unreadable, NotUtf8 };
    Status status = Status::Ok;
    QString text;
    QString error; // the system's reason, when Unreadable
};
ImportFile readSenderImportFile(const QString &path);
// Why a file read cannot be imported, for the analyst ("big.csv is larger than 20 MB; split it
// into smaller files."), or an empty string when it is Ok. `shownName` names the file.
QString importFileProblem(const ImportFile &file, const QString &shownName);

} // namespace mcdesk::senders
