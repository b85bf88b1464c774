#pragma once

#include "core/archive/archivequery.h"

#include <QUndoCommand>

#include <functional>

namespace mcdesk::ui::builder {

// One edit of the builder's query: the whole query before and after (it is small), applied
// through `apply`. Commands with the same non-empty merge key merge, so typing in one field is
// one undo step; the editor puts a serial number into the key to end a run of typing when the
// field loses focus.
class QueryCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const archive::ArchiveQuery &)>;

    QueryCommand(Apply apply, archive::ArchiveQuery before, archive::ArchiveQuery after,
                 const QString &text, const QString &mergeKey = {});

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const archive::ArchiveQuery &before() const { return m_before; }
    const archive::ArchiveQuery &after() const { return m_after; }

private:
    Apply m_apply;
    archive::ArchiveQuery m_before;
    archive::ArchiveQuery m_after;
    QString m_mergeKey;
};

} // namespace mcdesk::ui::builder
