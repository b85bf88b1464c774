// The bulk sender import (sender,recipient,action lines), decoded the way
// readSenderImportFile() decodes a file. The Sender lists page also parses pasted text, which
// can hold anything, so text with invalid UTF-8 (replaced by U+FFFD) is parsed too.
#include "core/senders/senderimport.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QStringDecoder>

using namespace mcdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(fuzz::bytes(data, size));
    const senders::ImportParse parsed = senders::parseSenderImport(text);
    (void)parsed.sendable();
    (void)parsed.invalid();
    // Every entry points the analyst at lines that exist.
    const qsizetype lines = text.count(u'\n') + 1;
    for (const senders::ImportEntry &entry : parsed.entries) {
        if (entry.lines.isEmpty())
            fuzz::fail("an import entry names no line");
        for (const int line : entry.lines) {
            if (line < 1 || line > lines)
                fuzz::fail("an import entry names a line outside the text");
        }
        (void)entry.pairKey();
        if (entry.canSend()) {
            const senders::ManagedSender sender = entry.toManagedSender();
            (void)sender.key();
            (void)sender.addressProblem();
        }
    }
    return 0;
}
