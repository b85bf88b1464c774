#include "ui/builder/librarypanel.h"

#include "core/archive/querylibrary.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {
QLabel *title(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QListWidget *list(const QString &name, QWidget *parent)
{
    auto *widget = new QListWidget(parent);
    widget->setObjectName(name);
    widget->setTextElideMode(Qt::ElideRight);
    widget->setUniformItemSizes(true);
    widget->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long names are elided
    return widget;
}
} // namespace

LibraryPanel::LibraryPanel(archive::QueryLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_saved(list(u"savedQueries"_s, this))
    , m_recent(list(u"recentQueries"_s, this))
    , m_saveAs(new QPushButton(tr("Save as…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    setObjectName(u"builderLibrary"_s);
    m_saved->setToolTip(tr("Double-click or press Enter to open"));
    m_recent->setToolTip(
        tr("The last %1 queries run; double-click to open").arg(archive::QueryLibrary::kMaxRecent));
    m_saveAs->setObjectName(u"saveQueryAsButton"_s);
    m_saveAs->setToolTip(tr("Keep the current query in the library under a name"));
    m_delete->setObjectName(u"deleteQueryButton"_s);
    m_delete->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveAs);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title(tr("Saved queries"), this));
    layout->addWidget(m_saved, 3);
    layout->addLayout(buttons);
    layout->addSpacing(8);
    layout->addWidget(title(tr("Recent"), this));
    layout->addWidget(m_recent, 2);

    connect(m_library, &archive::QueryLibrary::savedChanged, this, &LibraryPanel::reloadSaved);
    connect(m_library, &archive::QueryLibrary::recentChanged, this, &LibraryPanel::reloadRecent);
    connect(m_saved, &QListWidget::itemActivated, this, &LibraryPanel::openSaved);
    connect(m_saved, &QListWidget::currentItemChanged, this, &LibraryPanel::updateButtons);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit openRequested(item->data(Qt::UserRole).toString(), {});
    });
    connect(m_saveAs, &QPushButton::clicked, this, &LibraryPanel::saveAsRequested);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (!selectedSavedName().isEmpty())
            emit deleteRequested(selectedSavedName());
    });
    reloadSaved();
    reloadRecent();
}

QString LibraryPanel::selectedSavedName() const
{
    const QListWidgetItem *item = m_saved->currentItem();
    return item && (item->flags() & Qt::ItemIsEnabled) ? item->text() : QString();
}

void LibraryPanel::selectSaved(const QString &name)
{
    const QList<QListWidgetItem *> found = m_saved->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_saved->setCurrentItem(found.first());
}

void LibraryPanel::reloadSaved()
{
    const QString selected = selectedSavedName();
    m_saved->clear();
    const QStringList names = m_library->savedNames();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_FileIcon), name);
        item->setToolTip(name);
        m_saved->addItem(item);
    }
    if (names.isEmpty()) {
        auto *item = new QListWidgetItem(tr("None saved yet"), m_saved);
        item->setFlags(Qt::NoItemFlags);
    }
    selectSaved(selected);
    updateButtons();
}

void LibraryPanel::reloadRecent()
{
    m_recent->clear();
    const QLocale locale;
    const QList<archive::QueryLibrary::Recent> recent = m_library->recent();
    for (const archive::QueryLibrary::Recent &r : recent) {
        auto *item = new QListWidgetItem(r.title.isEmpty() ? tr("Query") : r.title, m_recent);
        item->setData(Qt::UserRole, r.xml);
        item->setToolTip(tr("Run %1\n\n%2")
                             .arg(locale.toString(r.ranAtUtc.toLocalTime(), QLocale::ShortFormat),
                                  r.xml.left(600)));
    }
    if (recent.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Nothing run yet"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void LibraryPanel::openSaved(QListWidgetItem *item)
{
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    QString xml;
    const QString error = m_library->load(item->text(), &xml);
    if (!error.isEmpty()) {
        emit errorOccurred(tr("The saved query \"%1\" could not be read.").arg(item->text()),
                           error);
        return;
    }
    emit openRequested(xml, item->text());
}

void LibraryPanel::updateButtons()
{
    const QListWidgetItem *item = m_saved->currentItem();
    m_delete->setEnabled(item && (item->flags() & Qt::ItemIsEnabled));
}

} // namespace mcdesk::ui::builder
