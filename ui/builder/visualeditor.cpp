#include "ui/builder/visualeditor.h"

#include "core/archive/archivequeryxml.h"
#include "core/archive/simplesearch.h"
#include "ui/builder/conditionlist.h"
#include "ui/builder/mailboxlist.h"
#include "ui/builder/querycommand.h"
#include "ui/builder/returnfieldlist.h"
#include "ui/builder/undoshortcutfilter.h"
#include "ui/builder/xmleditor.h"
#include "ui/common/palette.h"
#include "ui/common/widgets.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {

using widgets::sectionTitle;

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

VisualEditor::VisualEditor(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QUndoStack(this))
    , m_filter(new UndoShortcutFilter(this))
{
    setObjectName(u"builderVisual"_s);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"builderSplitter"_s);
    m_splitter->addWidget(buildForm());
    m_splitter->addWidget(buildPreview());
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(buildRunBar());
    apply(initialQuery());
}

archive::ArchiveQuery VisualEditor::initialQuery()
{
    archive::ArchiveQuery q;
    q.metadata.returnFields = archive::defaultReturnFields();
    q.conditions = {archive::Condition::date(archive::DateSelect::LastWeek)};
    return q;
}

QWidget *VisualEditor::buildForm()
{
    auto *form = new QWidget;
    form->setObjectName(u"builderForm"_s);
    m_mailboxes = new MailboxList(m_filter, form);
    m_returnFields = new ReturnFieldList(m_filter, form);
    m_conditions = new ConditionList(m_filter, form);
    m_pageSize = new QSpinBox(form);
    m_pageSize->setObjectName(u"builderPageSize"_s);
    m_pageSize->setRange(0, 999999999);
    m_pageSize->setSpecialValueText(tr("Not set"));
    m_pageSize->setToolTip(
        tr("page-size in the XML; Mimecast returns at most %1 a page").arg(archive::kMaxPageSize));
    m_filter->watch(m_pageSize);

    auto *layout = new QVBoxLayout(form);
    layout->setSpacing(6);
    layout->addWidget(sectionTitle(tr("Mailboxes"), form));
    layout->addWidget(m_mailboxes);
    layout->addSpacing(10);
    layout->addWidget(sectionTitle(tr("Return fields"), form));
    layout->addWidget(m_returnFields);
    layout->addSpacing(10);
    layout->addWidget(sectionTitle(tr("Conditions"), form));
    layout->addWidget(hint(tr("Each row is one element of <muse>, in this order. Text matches "
                              "by relevance, not as a substring."),
                           form));
    layout->addWidget(m_conditions);
    layout->addSpacing(10);
    layout->addWidget(sectionTitle(tr("Options"), form));
    auto *options = new QFormLayout;
    options->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    options->addRow(tr("Page size:"), m_pageSize);
    layout->addLayout(options);
    layout->addStretch(1);

    connect(m_mailboxes, &MailboxList::mailboxesEdited, this,
            [this](const QList<archive::Mailbox> &list, const QString &field) {
                archive::ArchiveQuery next = m_query;
                next.metadata.mailboxes = list;
                next.metadata.hasMailboxes =
                    !list.isEmpty() || !next.metadata.mailboxesExtras.isEmpty();
                edit(next, tr("Edit mailboxes"), field);
            });
    connect(m_returnFields, &ReturnFieldList::fieldsEdited, this, [this](const QStringList &f) {
        archive::ArchiveQuery next = m_query;
        next.metadata.returnFields = f;
        edit(next, tr("Change return fields"));
    });
    connect(m_conditions, &ConditionList::conditionEdited, this,
            [this](int row, const archive::Condition &c, const QString &field) {
                archive::ArchiveQuery next = m_query;
                next.conditions[row] = c;
                edit(next, tr("Edit row %1").arg(row + 1), u"row%1:%2"_s.arg(row).arg(field));
            });
    connect(m_conditions, &ConditionList::addRequested, this, [this](const archive::Condition &c) {
        archive::ArchiveQuery next = m_query;
        next.conditions.append(c);
        edit(next, tr("Add condition"));
        m_conditions->focusRow(int(next.conditions.size()) - 1, 1);
    });
    connect(m_conditions, &ConditionList::removeRequested, this, [this](int row) {
        archive::ArchiveQuery next = m_query;
        next.conditions.removeAt(row);
        edit(next, tr("Remove row %1").arg(row + 1));
    });
    connect(m_conditions, &ConditionList::moveRequested, this, [this](int row, int delta) {
        archive::ArchiveQuery next = m_query;
        next.conditions.move(row, row + delta);
        edit(next,
             delta < 0 ? tr("Move row %1 up").arg(row + 1) : tr("Move row %1 down").arg(row + 1));
    });
    connect(m_pageSize, &QSpinBox::valueChanged, this, [this](int value) {
        archive::ArchiveQuery next = m_query;
        next.metadata.pageSize = value > 0 ? std::optional<int>(value) : std::nullopt;
        // A page-size the reader could not read (kept as written) gives way to the new one.
        next.metadata.extras.attributes.removeIf(
            [](const archive::Attribute &a) { return a.name == u"page-size"; });
        edit(next, tr("Change page size"), u"pageSize"_s);
    });
    // Leaving a field ends its run of typing: the next keystroke starts a new undo step.
    const auto endTyping = [this] {
        ++m_serial;
    };
    connect(m_mailboxes, &MailboxList::editFinished, this, endTyping);
    connect(m_conditions, &ConditionList::editFinished, this, endTyping);
    connect(m_pageSize, &QSpinBox::editingFinished, this, endTyping);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"builderFormScroll"_s);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the form reflows instead
    scroll->setMinimumWidth(form->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    return scroll;
}

QWidget *VisualEditor::buildPreview()
{
    auto *previewPane = new QWidget;
    m_preview = new XmlEditor(previewPane);
    m_preview->setObjectName(u"xmlPreview"_s);
    m_preview->setReadOnly(true);
    m_preview->setToolTip(tr("Exactly the query that Run sends (compact on the wire)"));
    auto *copy = new QPushButton(tr("Copy"), previewPane);
    copy->setObjectName(u"copyXmlButton"_s);
    copy->setToolTip(tr("Copy the XML to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_previewXml); });
    auto *header = new QHBoxLayout;
    header->addWidget(sectionTitle(tr("XML preview"), previewPane));
    header->addStretch(1);
    header->addWidget(copy);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addLayout(header);
    previewLayout->addWidget(m_preview, 1);

    auto *keptPane = new QWidget;
    m_keptTitle = sectionTitle(tr("Kept as written"), keptPane);
    // Its text grows with what is kept: wrap rather than widen the page past a small screen.
    m_keptTitle->setWordWrap(true);
    m_kept = new QListWidget(keptPane);
    m_kept->setObjectName(u"unknownParts"_s);
    m_kept->setSelectionMode(QAbstractItemView::SingleSelection);
    m_kept->setTextElideMode(Qt::ElideMiddle);
    m_kept->setFont(m_preview->font());
    m_kept->setToolTip(tr("Parts of the XML the builder does not edit. They are sent exactly "
                          "as written, in their place."));
    auto *keptLayout = new QVBoxLayout(keptPane);
    keptLayout->setContentsMargins(0, 6, 0, 0);
    keptLayout->addWidget(m_keptTitle);
    keptLayout->addWidget(m_kept, 1);

    m_rightSplitter = new QSplitter(Qt::Vertical);
    m_rightSplitter->setObjectName(u"builderPreviewSplitter"_s);
    m_rightSplitter->addWidget(previewPane);
    m_rightSplitter->addWidget(keptPane);
    m_rightSplitter->setStretchFactor(0, 4);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightSplitter->setSizes({700, 160});
    return m_rightSplitter;
}

QWidget *VisualEditor::buildRunBar()
{
    auto *bar = new QWidget(this);
    m_validation = new QLabel(bar);
    m_validation->setObjectName(u"builderValidation"_s);
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setWordWrap(true);
    m_limit = new QSpinBox(bar);
    m_limit->setObjectName(u"builderLimit"_s);
    m_limit->setRange(1, archive::kMaxSimpleSearchLimit);
    m_limit->setValue(1000);
    m_limit->setToolTip(tr("Stop after this many messages; pages never ask for more"));
    m_filter->watch(m_limit);
    m_run = new QPushButton(tr("Run"), bar);
    m_run->setObjectName(u"runBuilderQuery"_s);
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_run->setToolTip(tr("Search the archive with this query (Ctrl+Return)"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (canRun())
            emit runRequested();
    });

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_validation, 1);
    layout->addWidget(new QLabel(tr("Maximum results:"), bar));
    layout->addWidget(m_limit);
    layout->addWidget(m_run);
    return bar;
}

void VisualEditor::replaceQuery(const archive::ArchiveQuery &query, const QString &text)
{
    ++m_serial;
    m_stack->push(new QueryCommand([this](const archive::ArchiveQuery &q) { apply(q); }, m_query,
                                   query, text));
}

bool VisualEditor::canRun() const
{
    return std::none_of(m_issues.cbegin(), m_issues.cend(),
                        [](const archive::Issue &issue) { return issue.blocking; });
}

int VisualEditor::limit() const
{
    return m_limit->value();
}

void VisualEditor::saveLayout(QSettings &settings) const
{
    settings.setValue(u"builderSplitter"_s, m_splitter->saveState());
    settings.setValue(u"previewSplitter"_s, m_rightSplitter->saveState());
    settings.setValue(u"builderLimit"_s, m_limit->value());
}

void VisualEditor::restoreLayout(QSettings &settings)
{
    m_splitter->restoreState(settings.value(u"builderSplitter"_s).toByteArray());
    m_rightSplitter->restoreState(settings.value(u"previewSplitter"_s).toByteArray());
    m_limit->setValue(settings.value(u"builderLimit"_s, m_limit->value()).toInt());
}

void VisualEditor::edit(const archive::ArchiveQuery &next, const QString &text,
                        const QString &field)
{
    if (next == m_query)
        return;
    const QString key = field.isEmpty() ? QString() : u"%1#%2"_s.arg(field).arg(m_serial);
    m_stack->push(new QueryCommand([this](const archive::ArchiveQuery &q) { apply(q); }, m_query,
                                   next, text, key));
    if (key.isEmpty())
        ++m_serial;
}

void VisualEditor::apply(const archive::ArchiveQuery &query)
{
    m_query = query;
    m_mailboxes->setMailboxes(query.metadata.mailboxes);
    m_returnFields->setFields(query.metadata.returnFields);
    m_conditions->setConditions(query.conditions);
    if (m_pageSize->value() != query.metadata.pageSize.value_or(0)) {
        const QSignalBlocker blocker(m_pageSize);
        m_pageSize->setValue(query.metadata.pageSize.value_or(0));
    }
    updatePreview();
    updateValidation();
    updateKept();
    emit queryChanged();
}

void VisualEditor::updatePreview()
{
    const QString xml = archive::toXml(m_query, true);
    if (xml == m_previewXml)
        return;
    int changed = 0; // where the new text starts to differ, to keep the change in view
    while (changed < xml.size() && changed < m_previewXml.size() &&
           xml.at(changed) == m_previewXml.at(changed))
        ++changed;
    const bool first = m_previewXml.isEmpty();
    m_previewXml = xml;
    const int scroll = m_preview->verticalScrollBar()->value();
    m_preview->setPlainText(xml);
    m_preview->verticalScrollBar()->setValue(scroll);
    if (!first) {
        QTextCursor cursor(m_preview->document());
        cursor.setPosition(qMin(changed, int(xml.size())));
        m_preview->setTextCursor(cursor);
        m_preview->ensureCursorVisible();
    }
}

void VisualEditor::updateValidation()
{
    m_issues = archive::validateQuery(m_query);
    m_mailboxes->setProblems(m_issues);
    m_conditions->setProblems(m_issues);
    QStringList lines;
    bool blocking = false;
    for (const archive::Issue &issue : m_issues) {
        blocking = blocking || issue.blocking;
        lines << issue.message;
    }
    constexpr int kShown = 3;
    if (lines.size() > kShown) {
        const int more = int(lines.size()) - kShown;
        lines = lines.mid(0, kShown);
        lines << tr("…and %n more", nullptr, more);
    }
    palette::Status status = palette::Status::Good;
    if (lines.isEmpty()) {
        lines << tr("\u2713 Ready to run: %n condition(s)", nullptr,
                    int(m_query.conditions.size()));
    } else {
        status = blocking ? palette::Status::Bad : palette::Status::Warning;
    }
    m_validation->setText(lines.join(u'\n'));
    QPalette pal = m_validation->palette();
    pal.setColor(QPalette::WindowText, palette::statusColor(status, palette()));
    m_validation->setPalette(pal);
    m_run->setEnabled(canRun());
}

void VisualEditor::updateKept()
{
    const QStringList parts = m_query.unknownParts();
    m_kept->clear();
    for (const QString &part : parts) {
        auto *item = new QListWidgetItem(part, m_kept);
        item->setToolTip(part);
    }
    m_keptTitle->setText(parts.isEmpty() ? tr("Kept as written: nothing, the builder "
                                              "understands every part")
                                         : tr("Kept as written (%1)").arg(parts.size()));
}

} // namespace mcdesk::ui::builder
