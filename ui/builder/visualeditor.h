#pragma once

#include "core/archive/archivequery.h"
#include "core/archive/buildervalidation.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSettings;
class QSpinBox;
class QSplitter;
class QUndoStack;

namespace mcdesk::ui::builder {

class ConditionList;
class MailboxList;
class ReturnFieldList;
class UndoShortcutFilter;
class XmlEditor;

// The Visual tab of the query builder: the form (mailboxes, return fields, conditions, page
// size) on the left, the XML preview and the parts kept as written on the right, validation,
// the result limit and Run below. It owns the typed query and its QUndoStack: every edit is a
// QueryCommand, and the preview is always exactly toXml(query(), true).
class VisualEditor : public QWidget
{
    Q_OBJECT
public:
    explicit VisualEditor(QWidget *parent = nullptr);

    // What a new query starts as: the simple search's return fields and the last week.
    static archive::ArchiveQuery initialQuery();

    const archive::ArchiveQuery &query() const { return m_query; }
    // Replaces the whole query as one undoable step named `text`.
    void replaceQuery(const archive::ArchiveQuery &query, const QString &text);
    QUndoStack *undoStack() const { return m_stack; }

    QString previewXml() const { return m_previewXml; }
    const QList<archive::Issue> &issues() const { return m_issues; }
    bool canRun() const;
    int limit() const;
    ConditionList *conditions() const { return m_conditions; }

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);

signals:
    void runRequested();
    void queryChanged();

private:
    QWidget *buildForm();
    QWidget *buildPreview();
    QWidget *buildRunBar();
    void edit(const archive::ArchiveQuery &next, const QString &text, const QString &field = {});
    void apply(const archive::ArchiveQuery &query);
    void updatePreview();
    void updateValidation();
    void updateKept();

    archive::ArchiveQuery m_query;
    QUndoStack *m_stack;
    UndoShortcutFilter *m_filter;
    int m_serial = 0; // ends a run of merged typing (see QueryCommand)
    QString m_previewXml;
    QList<archive::Issue> m_issues;
    MailboxList *m_mailboxes = nullptr;
    ReturnFieldList *m_returnFields = nullptr;
    ConditionList *m_conditions = nullptr;
    QSpinBox *m_pageSize = nullptr;
    XmlEditor *m_preview = nullptr;
    QLabel *m_keptTitle = nullptr;
    QListWidget *m_kept = nullptr;
    QLabel *m_validation = nullptr;
    QSpinBox *m_limit = nullptr;
    QPushButton *m_run = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
};

} // namespace mcdesk::ui::builder
