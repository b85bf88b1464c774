#include "ui/builder/querybuilderpage.h"

#include "core/archive/archivequeryxml.h"
#include "core/archive/buildervalidation.h"
#include "core/archive/querylibrary.h"
#include "core/archive/textcondition.h"
#include "ui/builder/advancededitor.h"
#include "ui/builder/librarypanel.h"
#include "ui/builder/visualeditor.h"
#include "ui/shell/session.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kTitleLength = 48;

QString elided(const QString &text)
{
    return text.size() <= kTitleLength ? text : text.left(kTitleLength - 1) + QChar(0x2026);
}
} // namespace

QueryBuilderPage::QueryBuilderPage(Session *session, QWidget *parent)
    : Page(session, u"page_builder"_s, parent)
    , m_library(new archive::QueryLibrary({}, this))
    , m_visual(new builder::VisualEditor(this))
    , m_advanced(new builder::AdvancedEditor(this))
    , m_libraryPanel(new builder::LibraryPanel(m_library, this))
    , m_mode(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_mode->setObjectName(u"builderMode"_s);
    m_mode->setDocumentMode(true);
    m_mode->addTab(m_visual, tr("Visual"));
    m_mode->addTab(m_advanced, tr("XML"));
    m_mode->setTabToolTip(0, tr("Build the query with form rows and watch its XML"));
    m_mode->setTabToolTip(1, tr("Write the XML yourself (Advanced Archive Search)"));

    m_splitter->setObjectName(u"builderPageSplitter"_s);
    m_splitter->addWidget(m_libraryPanel);
    m_splitter->addWidget(m_mode);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({fontMetrics().averageCharWidth() * 28, 1000});

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(4);
    layout->addWidget(buildToolBar());
    layout->addWidget(m_splitter, 1);

    connect(m_mode, &QTabWidget::currentChanged, this, &QueryBuilderPage::modeChanged);
    connect(m_visual, &builder::VisualEditor::runRequested, this, &QueryBuilderPage::runVisual);
    connect(m_advanced, &builder::AdvancedEditor::runRequested, this,
            &QueryBuilderPage::runAdvanced);
    connect(m_advanced, &builder::AdvancedEditor::switchRequested, this,
            [this](const archive::ArchiveQuery &query) {
                m_visual->replaceQuery(query, tr("Switch to builder"));
                m_advanced->markSynced();
                m_mode->setCurrentWidget(m_visual);
            });
    connect(m_advanced, &builder::AdvancedEditor::builderXmlRequested, this,
            [this] { m_advanced->setText(m_visual->previewXml(), true); });
    connect(m_libraryPanel, &builder::LibraryPanel::openRequested, this,
            [this](const QString &xml, const QString &name) {
                if (loadXml(xml) || !name.isEmpty())
                    m_currentName = name;
            });
    connect(m_libraryPanel, &builder::LibraryPanel::saveAsRequested, this,
            &QueryBuilderPage::saveAsRequested);
    connect(m_libraryPanel, &builder::LibraryPanel::deleteRequested, this,
            &QueryBuilderPage::deleteRequested);
    connect(m_libraryPanel, &builder::LibraryPanel::errorOccurred, session, &Session::reportError);
    QUndoStack *stack = m_visual->undoStack();
    connect(stack, &QUndoStack::canUndoChanged, this, &QueryBuilderPage::updateUndoActions);
    connect(stack, &QUndoStack::canRedoChanged, this, &QueryBuilderPage::updateUndoActions);
    connect(stack, &QUndoStack::undoTextChanged, this, &QueryBuilderPage::updateUndoActions);
    connect(stack, &QUndoStack::redoTextChanged, this, &QueryBuilderPage::updateUndoActions);
    updateUndoActions();
}

QueryBuilderPage::~QueryBuilderPage()
{
    // The undo stack clears itself while the tabs are being destroyed; nothing to update then.
    disconnect(m_visual->undoStack(), nullptr, this, nullptr);
}

QString QueryBuilderPage::title() const
{
    return tr("Query builder");
}

void QueryBuilderPage::reload()
{
    m_library->setDirectory(m_library->directory()); // rereads the library's files
    emit loaded();
}

void QueryBuilderPage::saveLayout(QSettings &settings) const
{
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"mode"_s, m_mode->currentIndex());
    m_visual->saveLayout(settings);
    m_advanced->saveLayout(settings);
}

void QueryBuilderPage::restoreLayout(QSettings &settings)
{
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_mode->setCurrentIndex(settings.value(u"mode"_s, 0).toInt());
    m_visual->restoreLayout(settings);
    m_advanced->restoreLayout(settings);
}

const archive::ArchiveQuery &QueryBuilderPage::query() const
{
    return m_visual->query();
}

QString QueryBuilderPage::previewXml() const
{
    return m_visual->previewXml();
}

QUndoStack *QueryBuilderPage::undoStack() const
{
    return m_visual->undoStack();
}

bool QueryBuilderPage::isVisualMode() const
{
    return m_mode->currentWidget() == m_visual;
}

void QueryBuilderPage::setQuery(const archive::ArchiveQuery &query)
{
    m_visual->replaceQuery(query, tr("Open in builder"));
    m_mode->setCurrentWidget(m_visual);
    m_currentName.clear();
    m_currentPath.clear();
}

bool QueryBuilderPage::loadXml(const QString &xml)
{
    const archive::ParseResult parsed = archive::fromXml(xml);
    if (!parsed.ok()) {
        m_advanced->setText(xml, false);
        m_mode->setCurrentWidget(m_advanced);
        session()->showStatus(
            tr("The XML is not a well-formed archive query (%1); fix it in the XML tab.")
                .arg(parsed.error.toString()));
        return false;
    }
    m_visual->replaceQuery(parsed.query, tr("Open query"));
    m_mode->setCurrentWidget(m_visual);
    // The rows were replaced; the focus must not land in some field the analyst did not pick.
    if (QApplication::focusWidget() && m_visual->isAncestorOf(QApplication::focusWidget()))
        m_mode->tabBar()->setFocus(Qt::OtherFocusReason);
    m_currentName.clear();
    m_currentPath.clear();
    const int kept = int(parsed.query.unknownParts().size());
    session()->showStatus(kept == 0
                              ? tr("Opened the query.")
                              : tr("Opened the query; %n part(s) kept as written.", nullptr, kept));
    return true;
}

QToolBar *QueryBuilderPage::buildToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(u"builderToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    QAction *newQuery = addAction(bar, u"newQueryAction"_s, tr("New"), u"document-new"_s);
    newQuery->setToolTip(tr("Start a new query (undoable)"));
    connect(newQuery, &QAction::triggered, this,
            [this] { setQuery(builder::VisualEditor::initialQuery()); });
    connect(addAction(bar, u"openXmlAction"_s, tr("Open…"), u"document-open"_s, QKeySequence::Open),
            &QAction::triggered, this, &QueryBuilderPage::openFileRequested);
    connect(
        addAction(bar, u"saveXmlAction"_s, tr("Save…"), u"document-save-as"_s, QKeySequence::Save),
        &QAction::triggered, this, &QueryBuilderPage::saveFileRequested);
    QAction *paste = addAction(bar, u"pasteXmlAction"_s, tr("Paste XML"), u"edit-paste"_s,
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    paste->setToolTip(tr("Open the XML query on the clipboard (Ctrl+Shift+V)"));
    bar->widgetForAction(paste)->setObjectName(u"pasteXmlButton"_s);
    connect(paste, &QAction::triggered, this, &QueryBuilderPage::pasteRequested);
    bar->addSeparator();
    m_undo = addAction(bar, u"undoAction"_s, tr("Undo"), u"edit-undo"_s, QKeySequence::Undo);
    m_redo = addAction(bar, u"redoAction"_s, tr("Redo"), u"edit-redo"_s,
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    connect(m_undo, &QAction::triggered, m_visual->undoStack(), &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, m_visual->undoStack(), &QUndoStack::redo);
    return bar;
}

QAction *QueryBuilderPage::addAction(QToolBar *bar, const QString &name, const QString &text,
                                     const QString &icon, const QKeySequence &key)
{
    static const QHash<QString, QStyle::StandardPixmap> fallbacks = {
        {u"document-new"_s, QStyle::SP_FileIcon},
        {u"document-open"_s, QStyle::SP_DialogOpenButton},
        {u"document-save-as"_s, QStyle::SP_DialogSaveButton},
        {u"edit-paste"_s, QStyle::SP_FileDialogContentsView},
        {u"edit-undo"_s, QStyle::SP_ArrowBack},
        {u"edit-redo"_s, QStyle::SP_ArrowForward}};
    auto *action = new QAction(QIcon::fromTheme(icon, style()->standardIcon(fallbacks.value(icon))),
                               text, this);
    action->setObjectName(name);
    if (!key.isEmpty()) {
        action->setShortcut(key);
        // Only while the builder has the focus: other pages may use the same keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(text, key.toString(QKeySequence::NativeText)));
    }
    QWidget::addAction(action); // so the shortcut works wherever the focus is on the page
    bar->addAction(action);
    return action;
}

void QueryBuilderPage::modeChanged()
{
    if (!isVisualMode())
        m_advanced->offerBuilderXml(m_visual->previewXml());
    updateUndoActions();
}

void QueryBuilderPage::updateUndoActions()
{
    // The XML tab's editor has its own undo; the page's Undo is the visual editor's.
    const QUndoStack *stack = m_visual->undoStack();
    const bool visual = isVisualMode();
    m_undo->setEnabled(visual && stack->canUndo());
    m_redo->setEnabled(visual && stack->canRedo());
    m_undo->setToolTip(stack->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(stack->undoText())
                                        : tr("Undo (Ctrl+Z)"));
    m_redo->setToolTip(stack->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(stack->redoText())
                                        : tr("Redo (Ctrl+Shift+Z)"));
}

void QueryBuilderPage::runVisual()
{
    const QString title = m_currentName.isEmpty() ? summaryTitle() : m_currentName;
    const QString error = m_library->addRecent(title, m_visual->previewXml());
    if (!error.isEmpty())
        session()->reportError(tr("The query could not be added to the recent queries."), error);
    emit runQueryRequested(archive::toXml(m_visual->query(), false), m_visual->limit(), title);
}

void QueryBuilderPage::runAdvanced(const QString &xml, int limit)
{
    const QString title = m_currentName.isEmpty() ? tr("Advanced query") : m_currentName;
    const QString error = m_library->addRecent(title, xml);
    if (!error.isEmpty())
        session()->reportError(tr("The query could not be added to the recent queries."), error);
    emit runQueryRequested(xml, limit, title);
}

QString QueryBuilderPage::currentXml() const
{
    return isVisualMode() ? m_visual->previewXml() : m_advanced->text();
}

// "from: evil@bad.example · Last week": what the results tab can be called.
QString QueryBuilderPage::summaryTitle() const
{
    QStringList parts;
    for (const archive::Condition &c : m_visual->query().conditions) {
        if (c.value.trimmed().isEmpty())
            continue;
        if (c.kind == archive::Condition::Kind::Text)
            parts << elided(c.value);
        else if (c.kind == archive::Condition::Kind::Sent)
            parts << elided(archive::conditionLabel(c) + u": "_s + c.value);
        if (parts.size() == 2)
            break;
    }
    return parts.isEmpty() ? tr("Archive query") : parts.join(u" \u00b7 "_s);
}

} // namespace mcdesk::ui
