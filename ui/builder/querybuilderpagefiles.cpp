// QueryBuilderPage: .xml files, the clipboard and the saved-query library.
#include "ui/builder/querybuilderpage.h"

#include "core/archive/querylibrary.h"
#include "core/export/atomicfile.h"
#include "ui/builder/advancededitor.h"
#include "ui/builder/librarypanel.h"
#include "ui/builder/visualeditor.h"
#include "ui/common/dialogs.h"
#include "ui/shell/session.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr qint64 kMaxQueryFileSize = 4 * 1024 * 1024;
}

bool QueryBuilderPage::openFile(const QString &path)
{
    QFile file(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        session()->reportError(tr("%1 could not be opened.").arg(shown), file.errorString());
        return false;
    }
    if (file.size() > kMaxQueryFileSize) {
        session()->reportError(tr("%1 is too large to be an archive query.").arg(shown));
        return false;
    }
    const bool ok = loadXml(QString::fromUtf8(file.readAll()));
    m_currentName = QFileInfo(path).completeBaseName();
    m_currentPath = path;
    return ok;
}

bool QueryBuilderPage::saveFile(const QString &path)
{
    if (const QString why = exporting::writeAtomically(path, currentXml().toUtf8());
        !why.isEmpty()) {
        session()->reportError(
            tr("The query could not be saved to %1.").arg(QDir::toNativeSeparators(path)), why);
        return false;
    }
    m_currentPath = path;
    m_currentName = QFileInfo(path).completeBaseName();
    session()->showStatus(tr("Saved the query to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void QueryBuilderPage::openFileRequested()
{
    const QString suggested = m_currentPath.isEmpty() ? QDir::homePath() : m_currentPath;
    const QString path = dialogs::openFileName(this, {tr("Open query"), suggested,
                                                      tr("XML queries (*.xml);;All files (*)"),
                                                      u"openQueryDialog"_s});
    if (!path.isEmpty())
        openFile(path);
}

void QueryBuilderPage::saveFileRequested()
{
    if (currentXml().trimmed().isEmpty()) {
        session()->showStatus(tr("There is no query to save."));
        return;
    }
    const QString suggested =
        m_currentPath.isEmpty() ? QDir::home().filePath(u"archive-query.xml"_s) : m_currentPath;
    const QString path = dialogs::saveFileName(
        this, {tr("Save query"), suggested, tr("XML queries (*.xml)"), u"saveQueryDialog"_s});
    if (!path.isEmpty())
        saveFile(path);
}

void QueryBuilderPage::pasteRequested()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        session()->showStatus(tr("The clipboard holds no text to open as a query."));
        return;
    }
    loadXml(text);
}

void QueryBuilderPage::saveAsRequested()
{
    const QString xml = currentXml();
    if (xml.trimmed().isEmpty()) {
        session()->showStatus(tr("There is no query to save."));
        return;
    }
    const QString name = dialogs::askText(this, {tr("Save query as"), tr("Name:"), m_currentName,
                                                 u"queryNameInput"_s})
                             .value_or(QString())
                             .trimmed();
    if (name.isEmpty())
        return;
    if (const QString problem = archive::QueryLibrary::checkName(name); !problem.isEmpty()) {
        session()->reportError(problem);
        return;
    }
    if (m_library->contains(name) && name != m_currentName &&
        !confirm(tr("A saved query called \"%1\" exists. Replace it?").arg(name)))
        return;
    if (const QString error = m_library->save(name, xml); !error.isEmpty()) {
        session()->reportError(tr("The query could not be saved as \"%1\".").arg(name), error);
        return;
    }
    m_currentName = name;
    m_libraryPanel->selectSaved(name);
    session()->showStatus(tr("Saved the query as \"%1\".").arg(name));
}

void QueryBuilderPage::deleteRequested(const QString &name)
{
    if (!confirm(tr("Delete the saved query \"%1\"?").arg(name)))
        return;
    if (const QString error = m_library->remove(name); !error.isEmpty()) {
        session()->reportError(tr("The saved query \"%1\" could not be deleted.").arg(name), error);
        return;
    }
    if (m_currentName == name)
        m_currentName.clear();
    session()->showStatus(tr("Deleted the saved query \"%1\".").arg(name));
}

bool QueryBuilderPage::confirm(const QString &question)
{
    // Yes and No, as the builder always asked.
    dialogs::Question q;
    q.title = tr("Query builder");
    q.text = question;
    q.objectName = u"builderConfirm"_s;
    return dialogs::confirm(this, q);
}

} // namespace mcdesk::ui
