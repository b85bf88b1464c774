#pragma once

// The GUI tests' side of ui/common/dialogs.h: while a DialogScript lives no dialog is shown;
// each takes the answer the test queued (ui::dialogs::setNextConfirm() and friends) and what it
// asked is kept (ui::dialogs::asked()). When it ends it fails the current test if a dialog
// found no answer or a queued answer was never asked for.

#include "ui/common/dialogs.h"

#include <QTest>

namespace mcdesk::testing {

class DialogScript
{
public:
    DialogScript() { ui::dialogs::startScript(); }
    ~DialogScript() { finish(); }
    DialogScript(const DialogScript &) = delete;
    DialogScript &operator=(const DialogScript &) = delete;

    // Ends the script now (the destructor then does nothing).
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        const QStringList problems = ui::dialogs::endScript();
        // After a failure the script is cut short anyway; one failure is enough.
        if (!problems.isEmpty() && !QTest::currentTestFailed())
            QTest::qFail(
                qPrintable(QStringLiteral("dialog script: ") + problems.join(QStringLiteral("; "))),
                __FILE__, __LINE__);
    }

private:
    bool m_finished = false;
};

} // namespace mcdesk::testing
