#pragma once

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace mcdesk::archive {
class QueryLibrary;
}

namespace mcdesk::ui::builder {

// The left side of the builder page: the saved-query library (savedQueries, with Save as… and
// Delete) and the last queries run (recentQueries). Activating an entry asks the page to open
// its XML; the page decides what "current query" means for Save as….
class LibraryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryPanel(archive::QueryLibrary *library, QWidget *parent = nullptr);

    QString selectedSavedName() const;
    void selectSaved(const QString &name);

signals:
    void openRequested(const QString &xml, const QString &name);
    void saveAsRequested();
    void deleteRequested(const QString &name);
    void errorOccurred(const QString &text, const QString &details);

private:
    void reloadSaved();
    void reloadRecent();
    void openSaved(QListWidgetItem *item);
    void updateButtons();

    archive::QueryLibrary *m_library;
    QListWidget *m_saved;
    QListWidget *m_recent;
    QPushButton *m_saveAs;
    QPushButton *m_delete;
};

} // namespace mcdesk::ui::builder
