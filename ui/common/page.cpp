#include "ui/common/page.h"

namespace mcdesk::ui {

Page::Page(Session *session, const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(objectName);
}

void Page::reload()
{
    emit loaded();
}

void Page::saveLayout(QSettings &) const {}

void Page::restoreLayout(QSettings &) {}

} // namespace mcdesk::ui
