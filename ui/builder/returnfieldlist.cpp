#include "ui/builder/returnfieldlist.h"

#include "core/archive/simplesearch.h"
#include "ui/builder/undoshortcutfilter.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {
constexpr int kColumns = 3;

QString describe(const QString &field)
{
    static const QHash<QString, const char *> descriptions = {
        {u"id"_s, QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList",
                                    "The message id (needed for the message detail)")},
        {u"status"_s, QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList",
                                        "Archive status, e.g. ARCHIVED")},
        {u"subject"_s, QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Subject")},
        {u"size"_s, QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Size in bytes")},
        {u"receiveddate"_s,
         QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "When it was received")},
        {u"displayfrom"_s,
         QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Sender's display name")},
        {u"displayfromaddress"_s,
         QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Sender's address")},
        {u"displayto"_s,
         QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Recipients as shown")},
        {u"displaytoaddresslist"_s,
         QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Recipients' addresses")},
        {u"attachmentcount"_s,
         QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList", "Number of attachments")},
        {u"smash"_s, QT_TRANSLATE_NOOP("mcdesk::ui::builder::ReturnFieldList",
                                       "Mimecast's message fingerprint")},
    };
    const char *text = descriptions.value(field);
    return text ? ReturnFieldList::tr(text) : ReturnFieldList::tr("Not a documented field");
}
} // namespace

ReturnFieldList::ReturnFieldList(UndoShortcutFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_order(new QLabel(this))
    , m_custom(new QLineEdit(this))
{
    setObjectName(u"builderReturnFields"_s);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(16);
    m_order->setObjectName(u"returnFieldOrder"_s);
    m_order->setTextFormat(Qt::PlainText);
    m_order->setWordWrap(true);
    m_order->setForegroundRole(QPalette::PlaceholderText);
    m_custom->setObjectName(u"customReturnField"_s);
    m_custom->setPlaceholderText(tr("Other field name"));
    m_custom->setClearButtonEnabled(true);
    auto *add = new QPushButton(tr("Add field"), this);
    add->setObjectName(u"addReturnFieldButton"_s);
    auto *defaults = new QPushButton(tr("Defaults"), this);
    defaults->setObjectName(u"defaultReturnFieldsButton"_s);
    defaults->setToolTip(tr("The fields the simple search returns"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_custom, 1);
    bar->addWidget(add);
    bar->addWidget(defaults);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addWidget(m_order);
    layout->addLayout(bar);

    for (const QString &field : archive::documentedReturnFields())
        ensureBox(field);
    filter->watch(m_custom);
    connect(m_custom, &QLineEdit::returnPressed, this, &ReturnFieldList::addCustom);
    connect(add, &QPushButton::clicked, this, &ReturnFieldList::addCustom);
    connect(defaults, &QPushButton::clicked, this, [this] {
        if (m_fields != archive::defaultReturnFields())
            emit fieldsEdited(archive::defaultReturnFields());
    });
    setFields({});
}

void ReturnFieldList::setFields(const QStringList &fields)
{
    m_fields = fields;
    for (const QString &field : fields)
        ensureBox(field);
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(fields.contains(it.key()));
    }
    m_order->setText(fields.isEmpty()
                         ? tr("No fields chosen.")
                         : tr("Columns in this order: %1").arg(fields.join(u" \u00b7 "_s)));
}

QCheckBox *ReturnFieldList::ensureBox(const QString &field)
{
    if (QCheckBox *box = m_boxes.value(field))
        return box;
    const int index = int(m_boxes.size());
    auto *box = new QCheckBox(field.isEmpty() ? tr("(empty)") : field, this);
    box->setObjectName(u"returnField_"_s + field);
    box->setToolTip(describe(field));
    m_grid->addWidget(box, index / kColumns, index % kColumns);
    box->show();
    m_boxes.insert(field, box);
    connect(box, &QCheckBox::clicked, this, [this, field](bool on) { toggled(field, on); });
    return box;
}

void ReturnFieldList::toggled(const QString &field, bool on)
{
    QStringList next = m_fields;
    if (on && !next.contains(field))
        next.append(field);
    else if (!on)
        next.removeAll(field);
    if (next != m_fields)
        emit fieldsEdited(next);
}

void ReturnFieldList::addCustom()
{
    const QString field = m_custom->text().trimmed();
    if (field.isEmpty())
        return;
    m_custom->clear();
    ensureBox(field);
    if (!m_fields.contains(field))
        emit fieldsEdited(QStringList(m_fields) << field);
}

} // namespace mcdesk::ui::builder
