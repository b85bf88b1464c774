#pragma once

#include <QWidget>

class QMenu;
class QSettings;

namespace mcdesk::ui {

class Session;

// A page of the main window. Later pages (held queue, archive search, query builder, sender
// lists) derive from it: they take the session, reload on reload() (F5, and after the
// connection changes when they depend on it), emit loaded() once their data is on screen (the
// --screenshot mode waits for it) and keep their splitter and header layout through
// saveLayout()/restoreLayout(), which the main window calls inside a settings group named
// after the page's objectName.
class Page : public QWidget
{
    Q_OBJECT
public:
    Page(Session *session, const QString &objectName, QWidget *parent = nullptr);

    virtual QString title() const = 0;
    // Fetches or rereads the page's data. The default has nothing to load and emits loaded().
    virtual void reload();
    // True while the page shows its data (not loading, not waiting for a connection).
    virtual bool isLoaded() const { return true; }
    // The page's own menu, which the main window shows in its menu bar while the page is current
    // (so the page's shortcuts are listed where analysts look for them). None by default.
    virtual QMenu *menu() const { return nullptr; }
    virtual void saveLayout(QSettings &settings) const;
    virtual void restoreLayout(QSettings &settings);

signals:
    void loaded();

protected:
    Session *session() const { return m_session; }

private:
    Session *m_session;
};

} // namespace mcdesk::ui
