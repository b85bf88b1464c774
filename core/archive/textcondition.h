#pragma once

#include <QString>
#include <QStringList>

namespace mcdesk::archive {

// A <text> condition as the builder shows it: a field and a value. The field prefixes are the
// ones Mimecast's text query understands (docs/contract.md, archive query XML); From and To take
// several addresses, written as "from: a@x.com or from: b@y.com".
enum class TextField { Free, From, To, Subject, Body };

struct TextParts
{
    TextField field = TextField::Free;
    QString value; // From/To: the addresses joined with ", "
};

// "from", "to", "subject", "body"; empty for Free.
QString textPrefix(TextField field);
// "Free text", "From", "To", "Subject", "Body" (translated).
QString textFieldLabel(TextField field);

// What a row with `field` and `value` writes into <text>. From/To split the value on commas
// and drop empty items, so "a@x.com, " writes the same as "a@x.com".
QString joinText(TextField field, const QString &value);

// The inverse, for display. A text is shown with a field only when joinText() gives back the
// very same text, so what the row shows is always exactly what is sent; anything else
// ("from:a@x.com", "subject: x and y" typed as free text is fine) is Free text.
TextParts splitText(const QString &text);

// "a, b,,c " → {"a", "b", "c"}.
QStringList addressItems(const QString &value);

} // namespace mcdesk::archive
