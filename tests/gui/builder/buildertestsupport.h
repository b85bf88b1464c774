#pragma once

// Shared by the query builder's tests: the page in a throw-away environment, and the rows,
// editors and buttons it is driven through.

#include "core/archive/querylibrary.h"
#include "tests/support/guitestsupport.h"
#include "ui/builder/conditionlist.h"
#include "ui/builder/conditionrow.h"
#include "ui/builder/querybuilderpage.h"
#include "ui/shell/session.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>

#include <memory>

namespace mcdesk::testing {

class BuilderFixture
{
public:
    BuilderFixture()
        : m_session(m_env.auditPath())
        , m_page(std::make_unique<ui::QueryBuilderPage>(&m_session))
    {
        m_page->library()->setDirectory(m_env.path(QStringLiteral("library")));
        m_page->resize(1400, 860);
    }

    ui::QueryBuilderPage *page() const { return m_page.get(); }
    ui::Session *session() { return &m_session; }
    GuiEnvironment &env() { return m_env; }

    // Shows the page and gives it the keyboard, for tests that press shortcuts.
    bool showActive()
    {
        m_page->show();
        QApplication::setActiveWindow(m_page.get());
        return QTest::qWaitForWindowActive(m_page.get());
    }

    ui::builder::ConditionList *rows() const
    {
        return child<ui::builder::ConditionList>(m_page.get(), QStringLiteral("builderRows"));
    }
    ui::builder::ConditionRow *row(int index) const { return rows()->row(index); }
    template<typename T> T *inRow(int index, const QString &name) const
    {
        return child<T>(row(index), name);
    }

    // Adds a condition the way the analyst does: choose the kind, click Add condition.
    ui::builder::ConditionRow *addRow(const QString &kindLabel)
    {
        auto *kind = child<QComboBox>(m_page.get(), QStringLiteral("addConditionKind"));
        const int index = kind->findText(kindLabel);
        if (index < 0)
            return nullptr;
        kind->setCurrentIndex(index);
        child<QPushButton>(m_page.get(), QStringLiteral("addConditionButton"))->click();
        return row(rows()->rowCount() - 1);
    }

    QTabWidget *mode() const
    {
        return child<QTabWidget>(m_page.get(), QStringLiteral("builderMode"));
    }

private:
    GuiEnvironment m_env;
    ui::Session m_session;
    std::unique_ptr<ui::QueryBuilderPage> m_page;
};

inline QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

inline QString archiveData(const QString &name)
{
    return QDir(QStringLiteral(MCDESK_TEST_DATA "/archive")).filePath(name);
}

} // namespace mcdesk::testing
