#include "ui/builder/advancededitor.h"

#include "core/archive/archivequeryxml.h"
#include "core/archive/simplesearch.h"
#include "ui/builder/xmleditor.h"
#include "ui/common/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {
constexpr int kCheckDelayMs = 300;
}

AdvancedEditor::AdvancedEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new XmlEditor(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_goToError(new QPushButton(tr("Go to error"), this))
    , m_limit(new QSpinBox(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_switch(new QPushButton(tr("Switch to builder"), this))
    , m_debounce(new QTimer(this))
{
    setObjectName(u"builderAdvanced"_s);
    m_editor->setObjectName(u"advancedXml"_s);
    m_editor->setPlaceholderText(tr("<xmlquery trace=\"iql,muse\">…</xmlquery>"));
    m_error->setObjectName(u"xmlError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette bad = m_error->palette();
    bad.setColor(QPalette::WindowText, palette::statusColor(palette::Status::Bad, palette()));
    m_error->setPalette(bad);
    m_goToError->setObjectName(u"goToError"_s);
    m_goToError->setFlat(true);
    m_goToError->setToolTip(tr("Put the cursor where the error is"));
    m_status->setObjectName(u"xmlStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_limit->setObjectName(u"advancedLimit"_s);
    m_limit->setRange(1, archive::kMaxSimpleSearchLimit);
    m_limit->setValue(1000);
    m_limit->setToolTip(tr("Stop after this many messages; pages never ask for more"));
    m_run->setObjectName(u"runAdvanced"_s);
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_run->setToolTip(tr("Send this XML exactly as written (Ctrl+Return)"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_switch->setObjectName(u"switchToBuilder"_s);
    m_switch->setToolTip(tr("Edit this query in the visual builder; parts it does not "
                            "understand are kept as written"));
    auto *fromBuilder = new QPushButton(tr("Replace with builder XML"), this);
    fromBuilder->setObjectName(u"loadFromBuilder"_s);
    fromBuilder->setToolTip(tr("Discard this text and show the visual builder's query"));

    auto *top = new QHBoxLayout;
    auto *intro = new QLabel(tr("Write or paste an archive query. It is checked as you type and "
                                "sent exactly as written."),
                             this);
    intro->setForegroundRole(QPalette::PlaceholderText);
    intro->setWordWrap(true);
    top->addWidget(intro, 1);
    top->addWidget(fromBuilder);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_error, 1);
    bottom->addWidget(m_goToError);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(new QLabel(tr("Maximum results:"), this));
    bottom->addWidget(m_limit);
    bottom->addWidget(m_switch);
    bottom->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);

    m_debounce->setObjectName(u"xmlCheckTimer"_s);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kCheckDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &AdvancedEditor::checkNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        m_debounce->start();
    });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (checkNow())
            emit runRequested(text(), m_limit->value());
    });
    connect(m_switch, &QPushButton::clicked, this, [this] {
        if (!checkNow())
            return;
        const archive::ParseResult parsed = archive::fromXml(text());
        if (parsed.ok())
            emit switchRequested(parsed.query);
    });
    connect(m_goToError, &QPushButton::clicked, this, [this] {
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(m_editor->positionOf(m_editor->errorLine(), m_editor->errorColumn()));
        m_editor->setTextCursor(cursor);
        m_editor->centerCursor();
        m_editor->setFocus(Qt::OtherFocusReason);
    });
    connect(fromBuilder, &QPushButton::clicked, this, &AdvancedEditor::builderXmlRequested);
    checkNow();
}

QString AdvancedEditor::text() const
{
    return m_editor->toPlainText();
}

void AdvancedEditor::setText(const QString &xml, bool fromBuilder)
{
    m_settingText = true;
    m_editor->setPlainText(xml);
    m_settingText = false;
    m_syncedText = fromBuilder ? xml : QString();
    checkNow();
}

void AdvancedEditor::offerBuilderXml(const QString &xml)
{
    if (text() != m_syncedText || text() == xml)
        return;
    // The same query in the analyst's own layout stays as they wrote it.
    const archive::ParseResult shown = archive::fromXml(text());
    if (!shown.ok() || shown.query != archive::fromXml(xml).query)
        setText(xml, true);
}

void AdvancedEditor::markSynced()
{
    m_syncedText = text();
}

bool AdvancedEditor::checkNow()
{
    m_debounce->stop();
    const QString xml = text();
    archive::ParseResult parsed;
    if (xml.trimmed().isEmpty()) {
        m_editor->clearErrorMarker();
        setStatus({}, tr("Type or paste an XML query, or take the builder's."), false);
    } else if (parsed = archive::fromXml(xml); !parsed.ok()) {
        const archive::XmlCheck &check = parsed.error;
        m_editor->setErrorMarker(check.line, check.column, check.message);
        setStatus(check.toString(), {}, false);
    } else {
        m_editor->clearErrorMarker();
        const int kept = int(parsed.query.unknownParts().size());
        setStatus({},
                  kept == 0 ? tr("\u2713 Well-formed archive query")
                            : tr("\u2713 Well-formed archive query; %n part(s) the builder "
                                 "keeps as written",
                                 nullptr, kept),
                  true);
    }
    const bool ok = !xml.trimmed().isEmpty() && parsed.ok();
    m_run->setEnabled(ok);
    m_switch->setEnabled(ok);
    return ok;
}

int AdvancedEditor::limit() const
{
    return m_limit->value();
}

void AdvancedEditor::saveLayout(QSettings &settings) const
{
    settings.setValue(u"advancedLimit"_s, m_limit->value());
}

void AdvancedEditor::restoreLayout(QSettings &settings)
{
    m_limit->setValue(settings.value(u"advancedLimit"_s, m_limit->value()).toInt());
}

void AdvancedEditor::setStatus(const QString &error, const QString &note, bool good)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_goToError->setVisible(!error.isEmpty());
    m_status->setText(note);
    m_status->setVisible(error.isEmpty());
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, good ? palette::statusColor(palette::Status::Good, palette())
                                            : palette().color(QPalette::PlaceholderText));
    m_status->setPalette(pal);
}

} // namespace mcdesk::ui::builder
