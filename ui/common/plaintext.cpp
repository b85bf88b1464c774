#include "ui/common/plaintext.h"

#include <QTextDocument>

namespace mcdesk::ui {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Escaped and marked as rich text explicitly, so nothing in it is interpreted.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace mcdesk::ui
