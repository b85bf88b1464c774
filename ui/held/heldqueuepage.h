#pragma once

#include "ui/common/page.h"
#include "ui/held/heldactioncontroller.h"

#include <functional>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace mcdesk::ui {

class HeldActions;
class HeldDetailsPane;
class HeldFilterBar;
class HeldFilterModel;
class HeldMessageModel;
class HeldQueueLoader;
class HeldSummaryChart;
class HeldTableView;
class ReleaseLogPane;

// The held queue, where analysts spend their day: the queue filtered on Mimecast's side and
// locally, pages shown as they arrive, the current message's details, the actions (release,
// sandbox, reject, report, release & permit, reject & block) with their outcome list, the held
// summary per policy and the team's release log.
class HeldQueuePage : public Page
{
    Q_OBJECT
public:
    explicit HeldQueuePage(Session *session, QWidget *parent = nullptr);

    QString title() const override;
    void reload() override;
    bool isLoaded() const override;
    QMenu *menu() const override { return m_menu; }
    void saveLayout(QSettings &settings) const override;
    void restoreLayout(QSettings &settings) override;

    // At most this many messages per query (default 10,000); "Showing N of M" tells the rest.
    void setMaxMessages(int max) { m_maxMessages = max; }
    bool exportTo(const QString &path);

    QList<held::HeldMessage> selectedMessages() const;
    HeldMessageModel *model() const { return m_model; }
    HeldFilterModel *proxy() const { return m_proxy; }
    HeldActionController *controller() const { return m_controller; }
    HeldSummaryChart *summaryChart() const { return m_chart; }
    ReleaseLogPane *releaseLog() const { return m_releaseLog; }
    int totalCount() const;

public slots:
    // Searches the queue for mail held from `address` (the archive page's "held from").
    void showHeldFromSender(const QString &address);

signals:
    void searchArchiveForSender(const QString &address);
    // Find every copy: the Message-ID when the detail has it, else the sender and subject.
    void findEveryCopyRequested(const QString &messageId, const QString &sender,
                                const QString &subject);
    void blockSenderRequested(const QString &sender, const QString &recipient);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void runQuery();
    void loadSummary();
    void updateState();
    void updateActions();
    void currentChanged();
    void filterByPolicy(const QString &policy);
    void runAction(HeldAction action, const QString &reportAs = {});
    // Mark, then apply: marks (or clears, nullopt) the selection and moves to the next message.
    void markSelection(std::optional<HeldAction> action);
    void moveCurrent(int delta);
    void applyMarks();
    void clearAllMarks();
    void updateMarks();
    void runFinished(bool allDone, const QString &summary, const QStringList &ids);
    void selectRow(int proxyRow);
    void messagesDone(const QStringList &ids);
    void copyField(const std::function<QString(const held::HeldMessage &)> &field);
    void exportRequested();
    void showContextMenu(const QPoint &pos);
    void connectActions();

    HeldMessageModel *m_model;
    HeldFilterModel *m_proxy;
    HeldFilterBar *m_filterBar;
    HeldTableView *m_table;
    QStackedWidget *m_state;
    QLabel *m_stateLabel;
    QLabel *m_marksSummary;
    HeldDetailsPane *m_details;
    HeldSummaryChart *m_chart;
    ReleaseLogPane *m_releaseLog;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    QSplitter *m_queueSplitter;
    HeldActions *m_actions;
    QMenu *m_menu;
    HeldActionController *m_controller;
    HeldQueueLoader *m_loader;
    int m_maxMessages = 10000;
    bool m_stale = true; // reload when next shown
};

} // namespace mcdesk::ui
