#include "ui/senders/blockedsenderpolicydialog.h"

#include "ui/common/widgets.h"
#include "ui/senders/blockedpolicymodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QComboBox *partyTypes(const QString &name, const QString &initial, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    for (const QString &type : senders::PolicyParty::types())
        combo->addItem(BlockedPolicyModel::typeText(type), type);
    combo->setCurrentIndex(combo->findData(initial));
    return combo;
}

QString placeholderFor(const QString &type)
{
    if (type == u"email_domain"_s)
        return BlockedSenderPolicyDialog::tr("example.com");
    if (type == u"email_address"_s)
        return BlockedSenderPolicyDialog::tr("name@example.com");
    return BlockedSenderPolicyDialog::tr("The group's id from the Mimecast console");
}
} // namespace

BlockedSenderPolicyDialog::BlockedSenderPolicyDialog(QWidget *parent)
    : QDialog(parent)
    , m_option(new QComboBox(this))
    , m_description(new QLineEdit(this))
    , m_fromPart(new QComboBox(this))
    , m_fromType(partyTypes(u"policyFromType"_s, u"email_address"_s, this))
    , m_fromValue(new QLineEdit(this))
    , m_toType(partyTypes(u"policyToType"_s, u"everyone"_s, this))
    , m_toValue(new QLineEdit(this))
    , m_fromEternal(new QCheckBox(tr("At &once"), this))
    , m_start(new QDateTimeEdit(this))
    , m_toEternal(new QCheckBox(tr("&Never"), this))
    , m_end(new QDateTimeEdit(this))
    , m_enabled(new QCheckBox(tr("&Enabled: Mimecast enforces the policy"), this))
    , m_bidirectional(
          new QCheckBox(tr("&Bidirectional: also applies with from and to swapped"), this))
    , m_override(new QCheckBox(tr("Overr&ide: takes precedence over other policies"), this))
    , m_general(widgets::hintLabel(u"policyProblem"_s, this))
{
    setObjectName(u"blockedSenderPolicyDialog"_s);
    setWindowTitle(tr("New blocked-sender policy"));
    m_option->setObjectName(u"policyOption"_s);
    m_option->addItem(BlockedPolicyModel::optionText(u"block_sender"_s), u"block_sender"_s);
    m_option->addItem(BlockedPolicyModel::optionText(u"no_action"_s), u"no_action"_s);
    m_option->setToolTip(tr("No action lets a sender through that a broader policy would block"));
    m_description->setObjectName(u"policyDescription"_s);
    m_description->setPlaceholderText(tr("Why: e.g. INC-0420 invoice fraud campaign"));
    m_description->setMaxLength(200);
    m_fromPart->setObjectName(u"policyFromPart"_s);
    for (const QString &part : {u"both"_s, u"envelope_from"_s, u"header_from"_s})
        m_fromPart->addItem(BlockedPolicyModel::fromPartText(part), part);
    m_fromValue->setObjectName(u"policyFromValue"_s);
    m_toValue->setObjectName(u"policyToValue"_s);
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime hour(now.date(), QTime(now.time().hour(), 0));
    for (auto [check, edit, name, when] :
         {std::tuple{m_fromEternal, m_start, u"policyStart"_s, hour},
          std::tuple{m_toEternal, m_end, u"policyEnd"_s, hour.addDays(30)}}) {
        check->setObjectName(name + u"Eternal"_s);
        check->setChecked(true);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setDateTime(when);
        edit->setEnabled(false);
        connect(check, &QCheckBox::toggled, edit, [edit](bool on) { edit->setEnabled(!on); });
    }
    m_fromEternal->setToolTip(tr("The policy applies from now on; clear to choose a start"));
    m_toEternal->setToolTip(tr("The policy never expires; clear to choose an end"));
    m_enabled->setObjectName(u"policyEnabled"_s);
    m_enabled->setChecked(true);
    m_bidirectional->setObjectName(u"policyBidirectional"_s);
    m_override->setObjectName(u"policyOverride"_s);

    buildForms();
    updateRows();

    for (QComboBox *combo : {m_option, m_fromPart, m_fromType, m_toType})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateRows();
            check();
        });
    for (QLineEdit *edit : {m_description, m_fromValue, m_toValue})
        connect(edit, &QLineEdit::textChanged, this, &BlockedSenderPolicyDialog::check);
    for (QCheckBox *box : {m_fromEternal, m_toEternal})
        connect(box, &QCheckBox::toggled, this, &BlockedSenderPolicyDialog::check);
    for (QDateTimeEdit *edit : {m_start, m_end})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &BlockedSenderPolicyDialog::check);
}

QFormLayout *BlockedSenderPolicyDialog::addForm(const QString &title, QLayout *column)
{
    auto *box = new QGroupBox(title, this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    column->addWidget(box);
    m_forms.append(form);
    return form;
}

void BlockedSenderPolicyDialog::addFieldRow(QFormLayout *form, const QString &label,
                                            QWidget *rowWidget, const QList<QWidget *> &fields,
                                            const QString &hintName)
{
    form->addRow(label, rowWidget);
    auto *hint = widgets::hintLabel(hintName, this);
    // An empty label, not none: QFormLayout (Qt 6.4) sizes label-less wrapped rows wrongly.
    form->addRow(new QLabel(this), hint);
    form->setRowVisible(hint, false);
    m_hintForm.insert(hint, form);
    for (QWidget *field : fields)
        m_hints.insert(field, hint);
}

void BlockedSenderPolicyDialog::buildForms()
{
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;

    QFormLayout *policy = addForm(tr("Policy"), left);
    addFieldRow(policy, tr("&Action:"), m_option, {m_option}, u"policyOptionHint"_s);
    addFieldRow(policy, tr("Desc&ription:"), m_description, {m_description},
                u"policyDescriptionHint"_s);

    QFormLayout *from = addForm(tr("Sender (from)"), left);
    addFieldRow(from, tr("&Match in:"), m_fromPart, {m_fromPart}, u"policyFromPartHint"_s);
    addFieldRow(from, tr("&Type:"), m_fromType, {m_fromType}, u"policyFromTypeHint"_s);
    addFieldRow(from, tr("&Value:"), m_fromValue, {m_fromValue}, u"policyFromValueHint"_s);

    QFormLayout *to = addForm(tr("Recipient (to)"), left);
    addFieldRow(to, tr("T&ype:"), m_toType, {m_toType}, u"policyToTypeHint"_s);
    addFieldRow(to, tr("Va&lue:"), m_toValue, {m_toValue}, u"policyToValueHint"_s);

    QFormLayout *when = addForm(tr("Validity"), right);
    for (auto [check, edit, label, hintName] :
         {std::tuple{m_fromEternal, m_start, tr("&Starts:"), u"policyStartHint"_s},
          std::tuple{m_toEternal, m_end, tr("En&ds:"), u"policyEndHint"_s}}) {
        auto *row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(check);
        layout->addWidget(edit, 1);
        addFieldRow(when, label, row, {check, edit}, hintName);
        // The label's mnemonic goes to the checkbox; Tab moves on to the date.
        if (auto *buddyLabel = qobject_cast<QLabel *>(when->labelForField(row)))
            buddyLabel->setBuddy(check);
    }

    auto *optionsBox = new QGroupBox(tr("Options"), this);
    auto *options = new QVBoxLayout(optionsBox);
    for (QCheckBox *box : {m_enabled, m_bidirectional, m_override})
        options->addWidget(box);
    right->addWidget(optionsBox);
    auto *note = new QLabel(tr("Mimecast applies the policy to every message it matches, for "
                               "everyone in the account. Creating it is recorded in the audit "
                               "log with the case and alert group from the toolbar."),
                            this);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    right->addWidget(note);
    right->addStretch(1);
    left->addStretch(1);

    // Labels of separate group boxes line up only when they share one width.
    int labelWidth = 0;
    for (QFormLayout *form : std::as_const(m_forms))
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
                item && item->widget())
                labelWidth = qMax(labelWidth, item->widget()->sizeHint().width());
    for (QFormLayout *form : std::as_const(m_forms))
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
                item && item->widget())
                item->widget()->setMinimumWidth(labelWidth);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create policy"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"policyDialogCreate"_s);
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &BlockedSenderPolicyDialog::tryCreate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addSpacing(fontMetrics().averageCharWidth() * 2);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_general);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 125);
}

void BlockedSenderPolicyDialog::updateRows()
{
    for (auto [type, value] :
         {std::pair{m_fromType, m_fromValue}, std::pair{m_toType, m_toValue}}) {
        const QString chosen = type->currentData().toString();
        const bool needed = senders::PolicyParty::typeNeedsValue(chosen);
        QFormLayout *form = m_hintForm.value(m_hints.value(value));
        form->setRowVisible(value, needed);
        if (!needed && m_problemField == value)
            clearProblem();
        value->setPlaceholderText(placeholderFor(chosen));
    }
}

senders::BlockedSenderPolicy BlockedSenderPolicyDialog::policy() const
{
    senders::BlockedSenderPolicy p;
    p.option = m_option->currentData().toString();
    p.description = m_description->text().trimmed();
    p.fromPart = m_fromPart->currentData().toString();
    p.from.type = m_fromType->currentData().toString();
    if (senders::PolicyParty::typeNeedsValue(p.from.type))
        p.from.value = m_fromValue->text().trimmed();
    p.to.type = m_toType->currentData().toString();
    if (senders::PolicyParty::typeNeedsValue(p.to.type))
        p.to.value = m_toValue->text().trimmed();
    p.fromEternal = m_fromEternal->isChecked();
    p.toEternal = m_toEternal->isChecked();
    if (!p.fromEternal)
        p.fromDate = m_start->dateTime().toUTC();
    if (!p.toEternal)
        p.toDate = m_end->dateTime().toUTC();
    p.enabled = m_enabled->isChecked();
    p.bidirectional = m_bidirectional->isChecked();
    p.override = m_override->isChecked();
    return p;
}

QWidget *BlockedSenderPolicyDialog::fieldFor(const QString &problem) const
{
    // validate() starts every message with the field it is about.
    const QList<std::pair<QString, QWidget *>> prefixes{
        {u"Option"_s, m_option},      {u"Description"_s, m_description},
        {u"From part"_s, m_fromPart}, {u"From type"_s, m_fromType},
        {u"From"_s, m_fromValue},     {u"To type"_s, m_toType},
        {u"To"_s, m_toValue},         {u"Start date"_s, m_start},
        {u"End date"_s, m_end}};
    for (const auto &[prefix, field] : prefixes)
        if (problem.startsWith(prefix))
            return field;
    return nullptr;
}

bool BlockedSenderPolicyDialog::check()
{
    if (!m_tried)
        return true; // no red text before the analyst has asked to create
    const QString problem = policy().validate();
    if (problem.isEmpty()) {
        clearProblem();
        return true;
    }
    if (problem != m_problemText)
        showAt(fieldFor(problem), problem);
    return false;
}

void BlockedSenderPolicyDialog::tryCreate()
{
    if (m_busy)
        return;
    m_tried = true;
    m_problemText.clear(); // so the problem is shown (and its field focused) again
    if (!check()) {
        if (m_problemField)
            m_problemField->setFocus(Qt::OtherFocusReason);
        return;
    }
    emit createRequested(policy());
}

void BlockedSenderPolicyDialog::showAt(QWidget *field, const QString &text)
{
    clearProblem();
    m_problemText = text;
    QLabel *hint = field ? m_hints.value(field) : nullptr;
    if (!hint) {
        m_general->setText(text);
        m_general->show();
        fitHeight();
        return;
    }
    m_problemField = field;
    hint->setText(text);
    hint->show();
    m_hintForm.value(hint)->setRowVisible(hint, true);
    fitHeight();
}

void BlockedSenderPolicyDialog::fitHeight()
{
    // A wrapped hint needs more height than the window's minimum size tells the window.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void BlockedSenderPolicyDialog::showProblem(const QString &text)
{
    showAt(nullptr, text);
}

void BlockedSenderPolicyDialog::clearProblem()
{
    for (auto it = m_hintForm.cbegin(); it != m_hintForm.cend(); ++it)
        it.value()->setRowVisible(it.key(), false);
    m_general->hide();
    m_general->clear();
    m_problemText.clear();
    m_problemField = nullptr;
}

void BlockedSenderPolicyDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : findChildren<QGroupBox *>())
        w->setEnabled(!busy);
    m_create->setEnabled(!busy);
    m_create->setText(busy ? tr("Creating…") : tr("&Create policy"));
}

} // namespace mcdesk::ui
