#include "core/senders/senderimport.h"

#include "core/common/importfields.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QStringDecoder>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace mcdesk::senders {

namespace {
// The import's messages are translated in their own context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SenderImport)
};

QStringList splitFields(const QString &line)
{
    return common::splitImportFields(line, common::importDelimiter(line, u"\t,;"), 3);
}

bool isHeader(const QStringList &fields)
{
    const QString first = fields.value(0).toLower();
    return first == u"sender"_s || first == u"from"_s;
}

QString problemOf(ImportEntry &entry, const QStringList &fields)
{
    if (fields.size() < 3)
        return Text::tr("Expected 3 fields (sender, recipient, action) but found %1")
            .arg(fields.size());
    if (fields.size() > 3)
        return Text::tr("Expected 3 fields (sender, recipient, action) but found %1: quote a field "
                        "that contains a comma")
            .arg(fields.size());
    if (const QString bad = address::checkEmailAddress(entry.sender); !bad.isEmpty())
        return Text::tr("Sender %1").arg(bad);
    if (const QString bad = address::checkEmailAddress(entry.recipient); !bad.isEmpty())
        return Text::tr("Recipient %1").arg(bad);
    const QString action = entry.actionText.toLower();
    if (action == u"permit"_s)
        entry.action = senders::ManagedSender::Action::Permit;
    else if (action == u"block"_s)
        entry.action = senders::ManagedSender::Action::Block;
    else if (action.isEmpty())
        return Text::tr("Action is empty: write permit or block");
    else
        return Text::tr("Action \"%1\" is not permit or block").arg(entry.actionText);
    return {};
}
} // namespace

QString ImportEntry::pairKey() const
{
    return sender.toLower() + u'\x1f' + recipient.toLower();
}

int ImportParse::sendable() const
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [](const ImportEntry &e) { return e.canSend(); }));
}

int ImportParse::invalid() const
{
    return int(entries.size()) - sendable();
}

ImportParse parseSenderImport(const QString &text)
{
    ImportParse out;
    QHash<QString, qsizetype> firstOfPair; // pair key -> index of its first valid entry
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        ++out.lines;
        const QStringList fields = splitFields(line);
        if (out.lines == 1 && isHeader(fields)) {
            out.header = true;
            continue;
        }
        ImportEntry entry;
        entry.lines = {n + 1};
        entry.sender = fields.value(0);
        entry.recipient = fields.value(1);
        entry.actionText = fields.value(2);
        entry.problem = problemOf(entry, fields);
        if (!entry.problem.isEmpty()) {
            entry.state = ImportEntry::State::Invalid;
            out.entries.append(entry);
            continue;
        }
        const auto earlier = firstOfPair.constFind(entry.pairKey());
        if (earlier == firstOfPair.cend()) {
            firstOfPair.insert(entry.pairKey(), out.entries.size());
            out.entries.append(entry);
            continue;
        }
        ImportEntry &first = out.entries[*earlier];
        if (first.action == entry.action) {
            first.lines.append(n + 1); // the same entry again: send it once
            ++out.duplicates;
            continue;
        }
        // Permit and block for the same pair: only the analyst can say which one is meant.
        const QString conflict = Text::tr("Line %1 says %2 and line %3 says %4 for this sender and "
                                          "recipient: keep one of them")
                                     .arg(first.lines.first())
                                     .arg(senders::ManagedSender::actionName(first.action))
                                     .arg(n + 1)
                                     .arg(senders::ManagedSender::actionName(entry.action));
        if (first.canSend()) {
            first.problem = conflict;
            first.state = ImportEntry::State::Invalid;
        }
        entry.problem = conflict;
        entry.state = ImportEntry::State::Invalid;
        out.entries.append(entry);
    }
    return out;
}

ImportFile readSenderImportFile(const QString &path)
{
    ImportFile out;
    QFile file(path);
    if (file.size() > kMaxImportFileBytes) {
        out.status = ImportFile::Status::TooLarge;
        return out;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        out.status = ImportFile::Status::Unreadable;
        out.error = file.errorString();
        return out;
    }
    QStringDecoder utf8(QStringDecoder::Utf8); // drops a byte-order mark
    out.text = utf8.decode(file.readAll());
    if (utf8.hasError()) {
        out.status = ImportFile::Status::NotUtf8;
        out.text.clear();
    }
    return out;
}

QString importFileProblem(const ImportFile &file, const QString &shownName)
{
    switch (file.status) {
    case ImportFile::Status::TooLarge:
        return Text::tr("%1 is larger than 20 MB; split it into smaller files.").arg(shownName);
    case ImportFile::Status::Unreadable:
        return Text::tr("%1 could not be opened.").arg(shownName);
    case ImportFile::Status::NotUtf8:
        return Text::tr("%1 is not UTF-8 text. Save it as CSV UTF-8 and open it again.")
            .arg(shownName);
    case ImportFile::Status::Ok:
        break;
    }
    return {};
}

} // namespace mcdesk::senders
