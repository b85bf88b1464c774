#pragma once

#include "core/archive/archivequery.h"
#include "ui/common/page.h"

class QAction;
class QSplitter;
class QTabWidget;
class QToolBar;
class QUndoStack;

namespace mcdesk::archive {
class QueryLibrary;
}

namespace mcdesk::ui {

namespace builder {
class AdvancedEditor;
class LibraryPanel;
class VisualEditor;
} // namespace builder

// The query builder (issue 4): a visual editor of a typed archive query with a live XML
// preview (the Visual tab), the seed's Advanced Archive Search as an XML editor that checks
// well-formedness as you type (the XML tab), undo/redo, .xml files, a saved-query library and
// the recent queries. It runs nothing itself: Run emits runQueryRequested() and the archive
// page shows the results.
class QueryBuilderPage : public Page
{
    Q_OBJECT
public:
    explicit QueryBuilderPage(Session *session, QWidget *parent = nullptr);
    ~QueryBuilderPage() override;

    QString title() const override;
    void reload() override;
    void saveLayout(QSettings &settings) const override;
    void restoreLayout(QSettings &settings) override;

    const archive::ArchiveQuery &query() const;
    QString previewXml() const; // exactly archive::toXml(query(), true)
    QUndoStack *undoStack() const;
    bool isVisualMode() const;
    archive::QueryLibrary *library() const { return m_library; }

    // Open and Save without the dialogs; report problems in the message bar.
    bool openFile(const QString &path);
    bool saveFile(const QString &path);

public slots:
    // Shows `query` in the visual editor (one undoable step); the simple search's
    // "Open in builder" calls this.
    void setQuery(const mcdesk::archive::ArchiveQuery &query);
    // Parses `xml` into the visual editor, keeping what it does not understand. Malformed XML
    // goes to the XML tab instead, with its error marked; returns false then.
    bool loadXml(const QString &xml);

signals:
    // Run: the XML to send (compact from the builder, the analyst's text exactly as written
    // from the XML tab), the most messages to fetch, and a title for the results.
    void runQueryRequested(const QString &xml, int limit, const QString &title);

private:
    QToolBar *buildToolBar();
    QAction *addAction(QToolBar *bar, const QString &name, const QString &text, const QString &icon,
                       const QKeySequence &key = {});
    void modeChanged();
    void updateUndoActions();
    void runVisual();
    void runAdvanced(const QString &xml, int limit);
    QString currentXml() const;
    QString summaryTitle() const;
    void openFileRequested();
    void saveFileRequested();
    void pasteRequested();
    void saveAsRequested();
    void deleteRequested(const QString &name);
    bool confirm(const QString &question);

    archive::QueryLibrary *m_library;
    builder::VisualEditor *m_visual;
    builder::AdvancedEditor *m_advanced;
    builder::LibraryPanel *m_libraryPanel;
    QTabWidget *m_mode;
    QSplitter *m_splitter;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QString m_currentName; // the saved query or file the current query came from
    QString m_currentPath;
};

} // namespace mcdesk::ui
