#pragma once

#include "core/archive/archivequery.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSettings;
class QSpinBox;
class QTimer;

namespace mcdesk::ui::builder {

class XmlEditor;

// The XML tab: the seed's Advanced Archive Search. The analyst's XML is checked as they type
// (debounced); an error marks its line and column in the editor and in the label below, and
// keeps Run and Switch to builder disabled. Run sends the text exactly as written.
class AdvancedEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AdvancedEditor(QWidget *parent = nullptr);

    QString text() const;
    // Replaces the text. With fromBuilder the text counts as the builder's: offerBuilderXml()
    // may replace it again as long as the analyst has not edited it.
    void setText(const QString &xml, bool fromBuilder);
    // Shows the builder's XML unless the analyst has edited the text since it was last shown
    // or handed to the builder.
    void offerBuilderXml(const QString &xml);
    // The text now lives in the builder as well; builder changes may replace it from now on.
    void markSynced();
    // Checks at once (Run and Switch to builder do, so a pending check never lets XML through).
    bool checkNow();
    int limit() const;
    XmlEditor *editor() const { return m_editor; }

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);

signals:
    void runRequested(const QString &xml, int limit);
    void switchRequested(const archive::ArchiveQuery &query);
    void builderXmlRequested();

private:
    void setStatus(const QString &error, const QString &note, bool good);

    XmlEditor *m_editor;
    QLabel *m_error;  // only "line 3, column 20: …"; empty while the XML is fine
    QLabel *m_status; // otherwise what the check found
    QPushButton *m_goToError;
    QSpinBox *m_limit;
    QPushButton *m_run;
    QPushButton *m_switch;
    QTimer *m_debounce;
    QString m_syncedText; // the text as the builder last saw it
    bool m_settingText = false;
};

} // namespace mcdesk::ui::builder
