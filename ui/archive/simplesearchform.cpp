#include "ui/archive/simplesearchform.h"

#include "ui/archive/addresslistedit.h"
#include "ui/archive/returnfieldslist.h"
#include "ui/common/palette.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
enum class Field { Mailboxes, From, To };

// One entry checked by the core's own rules: a form with just this entry either builds or
// says why not ("From: "x" is not a valid email address or domain"); the field name is dropped
// because the message is shown under the field.
QString checkEntry(Field field, const QString &entry)
{
    archive::SimpleSearch probe;
    probe.fieldsToReturn = archive::defaultReturnFields();
    (field == Field::Mailboxes ? probe.mailboxes
     : field == Field::From    ? probe.from
                               : probe.to) = QStringList{entry};
    const QString error = archive::build(probe, QDateTime::currentDateTimeUtc()).error;
    const qsizetype colon = error.indexOf(u": "_s);
    return colon > 0 ? error.mid(colon + 2) : error;
}

QFormLayout *sectionLayout(QGroupBox *box)
{
    auto *form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows); // labels above: the column is narrow
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}
} // namespace

SimpleSearchForm::SimpleSearchForm(QWidget *parent)
    : QWidget(parent)
    , m_timeFrame(new TimeFrameEditor(this))
    , m_from(new AddressListEdit(
          u"fromAddresses"_s, tr("sender@example.com, example.org"),
          tr("Not an address or domain:"),
          [](const QString &e) { return checkEntry(Field::From, e); }, this))
    , m_to(new AddressListEdit(
          u"toAddresses"_s, tr("user@corp.com, corp.com"), tr("Not an address or domain:"),
          [](const QString &e) { return checkEntry(Field::To, e); }, this))
    , m_subject(new QLineEdit(this))
    , m_mailboxes(new AddressListEdit(
          u"mailboxes"_s, tr("Whole archive; or user@corp.com, …"), tr("Not an address:"),
          [](const QString &e) { return checkEntry(Field::Mailboxes, e); }, this))
    , m_max(new QSpinBox(this))
    , m_fields(new ReturnFieldsList(this))
    , m_error(new QLabel(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_showXml(new QPushButton(tr("Show XML"), this))
    , m_openInBuilder(new QPushButton(tr("Open in builder"), this))
{
    setObjectName(u"simpleSearchForm"_s);
    m_subject->setObjectName(u"subject"_s);
    m_subject->setPlaceholderText(tr("Words in the subject"));
    m_subject->setClearButtonEnabled(true);
    m_max->setObjectName(u"maxEmails"_s);
    m_max->setRange(1, archive::kMaxSimpleSearchLimit);
    m_max->setValue(50);
    m_max->setGroupSeparatorShown(true);
    m_max->setToolTip(tr("Mimecast is asked for at most this many messages (500 per request)."));

    auto *find = new QGroupBox(tr("Find messages"), this);
    QFormLayout *findForm = sectionLayout(find);
    findForm->addRow(tr("Time frame"), m_timeFrame);
    findForm->addRow(tr("From (addresses or domains)"), m_from);
    findForm->addRow(tr("To (addresses or domains)"), m_to);
    findForm->addRow(tr("Subject"), m_subject);

    auto *scope = new QGroupBox(tr("Scope"), this);
    QFormLayout *scopeForm = sectionLayout(scope);
    scopeForm->addRow(tr("Mailboxes"), m_mailboxes);
    scopeForm->addRow(tr("Maximum emails"), m_max);

    auto *columns = new QGroupBox(tr("Fields to return"), this);
    auto *columnsLayout = new QVBoxLayout(columns);
    auto *defaults = new QPushButton(tr("Defaults"), columns);
    defaults->setObjectName(u"returnFieldsDefaults"_s);
    defaults->setFlat(true);
    connect(defaults, &QPushButton::clicked, m_fields, &ReturnFieldsList::resetToDefaults);
    columnsLayout->addWidget(m_fields);
    columnsLayout->addWidget(defaults, 0, Qt::AlignRight);

    m_error->setObjectName(u"searchError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette red = m_error->palette();
    red.setColor(QPalette::WindowText, palette::statusColor(palette::Status::Bad, palette()));
    m_error->setPalette(red);
    m_error->hide();

    m_run->setObjectName(u"runSearch"_s);
    m_run->setDefault(true);
    m_run->setToolTip(tr("Search the archive (Enter)"));
    m_showXml->setObjectName(u"showXml"_s);
    m_showXml->setToolTip(tr("Show the exact XML query Run would send"));
    m_openInBuilder->setObjectName(u"openInBuilder"_s);
    m_openInBuilder->setToolTip(tr("Continue with this query in the visual query builder"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_showXml);
    buttons->addWidget(m_openInBuilder);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(find);
    layout->addWidget(scope);
    layout->addWidget(columns);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_run, &QPushButton::clicked, this, &SimpleSearchForm::runRequested);
    connect(m_showXml, &QPushButton::clicked, this, &SimpleSearchForm::showXmlRequested);
    connect(m_openInBuilder, &QPushButton::clicked, this,
            &SimpleSearchForm::openInBuilderRequested);
    for (QLineEdit *edit :
         {m_from->lineEdit(), m_to->lineEdit(), m_subject, m_mailboxes->lineEdit()})
        connect(edit, &QLineEdit::returnPressed, this, &SimpleSearchForm::runRequested);
    // Anything edited makes an earlier refusal stale.
    const auto edited = [this] {
        showError({});
        emit changed();
    };
    for (AddressListEdit *list : {m_from, m_to, m_mailboxes})
        connect(list, &AddressListEdit::changed, this, edited);
    connect(m_subject, &QLineEdit::textChanged, this, edited);
    connect(m_max, &QSpinBox::valueChanged, this, edited);
    connect(m_fields, &ReturnFieldsList::fieldsChanged, this, edited);
    connect(m_timeFrame, &TimeFrameEditor::changed, this, &SimpleSearchForm::changed);
}

archive::SimpleSearch SimpleSearchForm::search() const
{
    archive::SimpleSearch s;
    s.fieldsToReturn = m_fields->fields();
    s.mailboxes = m_mailboxes->entries();
    s.from = m_from->entries();
    s.to = m_to->entries();
    s.subject = m_subject->text();
    s.frame = m_timeFrame->frame();
    if (s.frame == archive::TimeFrame::Custom) {
        s.startText = m_timeFrame->startText();
        s.endText = m_timeFrame->endText();
    }
    s.limit = m_max->value();
    return s;
}

archive::BuildResult SimpleSearchForm::build() const
{
    return archive::build(search(), m_timeFrame->now());
}

QWidget *SimpleSearchForm::fieldFor(const QString &error) const
{
    if (error.startsWith(u"From:"_s))
        return m_from->lineEdit();
    if (error.startsWith(u"To:"_s))
        return m_to->lineEdit();
    if (error.startsWith(u"Mailboxes"_s))
        return m_mailboxes->lineEdit();
    if (error.startsWith(u"Max"_s))
        return m_max;
    if (error.startsWith(u"Fields"_s))
        return m_fields;
    if (error.contains(u"Time"_s))
        return m_timeFrame;
    return nullptr;
}

void SimpleSearchForm::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (QWidget *field = error.isEmpty() ? nullptr : fieldFor(error))
        field->setFocus(Qt::OtherFocusReason);
}

void SimpleSearchForm::prefillSender(const QString &address)
{
    m_from->setText(address);
    m_to->setText({});
    m_subject->clear();
    m_mailboxes->setText({});
    m_timeFrame->setFrame(archive::TimeFrame::LastMonth);
}

} // namespace mcdesk::ui
