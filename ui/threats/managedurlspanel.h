#pragma once

#include "core/common/latestrequest.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace mcdesk::ui {

class ManagedUrlModel;
class ManagedUrlWriter;
class Session;
class UrlImportDialog;

// Sender lists → Managed URLs: URL Protect's block and permit list (list-managed-urls), a quick
// filter, Block / Permit a URL, Delete with confirmation, and a bulk import. Every change goes
// through the actions layer (block-url, permit-url, delete-managed-url) and is audited; the list
// is read again after any of them finishes, from here or elsewhere in the app.
class ManagedUrlsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ManagedUrlsPanel(Session *session, QWidget *parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    void deleteSelected();
    UrlImportDialog *openImport();

    ManagedUrlModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    ManagedUrlWriter *writer() const { return m_writer; }

signals:
    void loaded();

private:
    void updateActions();

    Session *m_session;
    QLineEdit *m_filter;
    QPushButton *m_refresh;
    QPushButton *m_block;
    QPushButton *m_permit;
    QPushButton *m_delete;
    QPushButton *m_import;
    QLabel *m_status;
    ManagedUrlModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    ManagedUrlWriter *m_writer;
    QAction *m_deleteAction;
    QPointer<UrlImportDialog> m_importDialog;
    common::LatestRequest m_list;
    bool m_loaded = false;
};

} // namespace mcdesk::ui
