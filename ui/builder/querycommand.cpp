#include "ui/builder/querycommand.h"

namespace mcdesk::ui::builder {

namespace {
constexpr int kMergeableId = 0x4d43; // any constant: QUndoStack only compares ids
}

QueryCommand::QueryCommand(Apply apply, archive::ArchiveQuery before, archive::ArchiveQuery after,
                           const QString &text, const QString &mergeKey)
    : QUndoCommand(text)
    , m_apply(std::move(apply))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

void QueryCommand::undo()
{
    m_apply(m_before);
}

void QueryCommand::redo()
{
    m_apply(m_after);
}

int QueryCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kMergeableId;
}

bool QueryCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const QueryCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    // Typing something and deleting it again leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace mcdesk::ui::builder
