#include "ui/Confirmation.h"
#include "ui/FindingsList.h"
#include "ui/PrefectPreview.h"
#include "ui/SecretEditorDialog.h"
#include "ui/dialogs/JsonHighlighter.h"
#include "ui/dialogs/ThemePalette.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace secretdesk;

// The editor checks as you type (debounced) and shows the lines Prefect needs, offscreen.
class TestSecretEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void findingsAppearAndFixApplies();
    void prefectLinesGuardAgainstReinterpretation();
    void linesStayHiddenUntilRevealed();
    void templateFillsTheDocument();
    void markersUnderlineWhatFindingsPointAt();
    void syntaxErrorIsMarkedWhereTheParserStopped();
    void saveEmitsTheChangeCancelEmitsNothing();
    void untouchedDialogClosesWithoutAsking();
    void changedDialogAsksBeforeClosing_data();
    void changedDialogAsksBeforeClosing();
    void layoutToggleKeepsOrderAndValue_data();
    void layoutToggleKeepsOrderAndValue();
    void layoutToggleRefusesInvalidJson();
    void highlighterFormatsRanges_data();
    void highlighterFormatsRanges();
    void highlighterFollowsDarkPalette();
    void highlighterFollowsTheApplicationTheme();
    void tabOrderFollowsTheForm_data();
    void tabOrderFollowsTheForm();

private:
    void openExisting(const QString &note);
    // From the keyboard, as a user without a mouse would.
    void toggleLayout()
    {
        child<QCheckBox>("compactCheck")->setFocus();
        QTest::keyClick(child<QCheckBox>("compactCheck"), Qt::Key_Space);
    }
    template<class T>
    T *child(const char *name) const
    {
        return m_dialog->findChild<T *>(QLatin1String(name));
    }
    std::unique_ptr<SecretEditorDialog> m_dialog;
};

void TestSecretEditor::init()
{
    m_dialog = std::make_unique<SecretEditorDialog>();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSecretEditor::cleanup()
{
    m_dialog.reset();
}

void TestSecretEditor::findingsAppearAndFixApplies()
{
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("AWS_CREDENTIALS"));
    child<QComboBox>("typeCombo")->setCurrentIndex(1);
    auto *json = child<QPlainTextEdit>("jsonEdit");
    json->setPlainText(QStringLiteral("{\"ACCESS_KEY\": \"AKIA\", \"SECRET_KEY\": \"s\"}"));
    auto *findings = child<FindingsList>("findingsList");
    QTRY_VERIFY(findingCodes(findings->findings()).contains(QStringLiteral("AWS003")));
    QVERIFY(findings->isVisible());
    int row = -1;
    for (int i = 0; i < findings->findings().size(); ++i) {
        if (findings->findings().at(i).code() == QLatin1String("AWS003"))
            row = i;
    }
    QVERIFY(findings->findings().at(row).fix.isAutomatic());
    Q_EMIT findings->itemActivated(findings->item(row));
    QVERIFY(json->toPlainText().contains(QStringLiteral("\"SECRET_ACCESS_KEY\"")));
    QTRY_VERIFY(!findingCodes(findings->findings()).contains(QStringLiteral("AWS003")));
}

void TestSecretEditor::prefectLinesGuardAgainstReinterpretation()
{
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("PORT"));
    child<QLineEdit>("valueEdit")->setText(QStringLiteral("123"));
    child<QCheckBox>("revealCheck")->setChecked(true);
    auto *preview = child<PrefectPreview>("prefectPreview");
    QTRY_VERIFY(preview->envLine().startsWith(QStringLiteral("PREFECT__CONTEXT__SECRETS__PORT=")));
    QVERIFY(preview->envLine() !=
            QStringLiteral("PREFECT__CONTEXT__SECRETS__PORT=123")); // 123 would become an int
    QVERIFY(preview->tomlLine().startsWith(QStringLiteral("[context.secrets] PORT = ")));
    QVERIFY(!child<QLabel>("prefectNote")->text().isEmpty());
}

void TestSecretEditor::linesStayHiddenUntilRevealed()
{
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("TOKEN"));
    child<QLineEdit>("valueEdit")->setText(QStringLiteral("hidden-value"));
    QTest::qWait(400);
    QVERIFY(child<PrefectPreview>("prefectPreview")->envLine().isEmpty());
    QVERIFY(!child<QPlainTextEdit>("prefectLines")->toPlainText().contains(QStringLiteral("hidden-value")));
}

void TestSecretEditor::templateFillsTheDocument()
{
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("GCP_CREDENTIALS"));
    QTest::mouseClick(child<QPushButton>("templateButton"), Qt::LeftButton);
    QCOMPARE(child<QComboBox>("typeCombo")->currentIndex(), 1);
    QVERIFY(child<QPlainTextEdit>("jsonEdit")->toPlainText().contains(QStringLiteral("service_account")));
    QCOMPARE(child<QLineEdit>("kindEdit")->text(), QStringLiteral("GCP_CREDENTIALS"));
}

static QStringList markedTexts(const QPlainTextEdit *edit)
{
    QStringList texts;
    for (const QTextEdit::ExtraSelection &mark : edit->extraSelections()) {
        if (mark.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            texts << mark.cursor.selectedText();
    }
    return texts;
}

void TestSecretEditor::markersUnderlineWhatFindingsPointAt()
{
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("AWS_CREDENTIALS"));
    child<QComboBox>("typeCombo")->setCurrentIndex(1);
    auto *json = child<QPlainTextEdit>("jsonEdit");
    json->setPlainText(QStringLiteral("{\n  \"ACCESS_KEY\": \"AKIA\",\n  \"SECRET_KEY\": \"s\"\n}"));
    QTRY_VERIFY(markedTexts(json).contains(QStringLiteral("\"SECRET_KEY\"")));
    auto *findings = child<FindingsList>("findingsList");
    int row = -1;
    for (int i = 0; i < findings->findings().size(); ++i) {
        if (findings->findings().at(i).code() == QLatin1String("AWS003"))
            row = i;
    }
    QVERIFY(row >= 0);
    Q_EMIT findings->itemActivated(findings->item(row)); // the one-click fix renames the member
    QTRY_VERIFY(!markedTexts(json).contains(QStringLiteral("\"SECRET_KEY\"")));
    // A string value shows no JSON markers.
    child<QComboBox>("typeCombo")->setCurrentIndex(0);
    QTRY_VERIFY(markedTexts(json).isEmpty());
}

void TestSecretEditor::syntaxErrorIsMarkedWhereTheParserStopped()
{
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("SETTINGS"));
    child<QComboBox>("typeCombo")->setCurrentIndex(1);
    auto *json = child<QPlainTextEdit>("jsonEdit");
    json->setPlainText(QStringLiteral("{\"a\": 1,\n \"b\" 2}"));
    QTRY_COMPARE(json->extraSelections().size(), 1);
    QCOMPARE(json->extraSelections().constFirst().cursor.block().blockNumber(), 1);
    json->setPlainText(QStringLiteral("{\"a\": 1,\n \"b\": 2}"));
    QTRY_COMPARE(json->extraSelections().size(), 0);
}

// A made-up value generated per run, never a real credential.
static QString generatedValue()
{
    return QStringLiteral("demo-%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
}

void TestSecretEditor::openExisting(const QString &note)
{
    SecretRecord record{*SecretName::parse(QStringLiteral("API_TOKEN"))};
    record.note = note;
    m_dialog->editExisting(record, SecretValue::fromString(generatedValue()));
}

void TestSecretEditor::saveEmitsTheChangeCancelEmitsNothing()
{
    // The editor reaches the store only through saveRequested (the window saves, then closes it):
    // Cancel must never emit it, Save emits exactly what was typed.
    int emitted = 0;
    connect(m_dialog.get(), &SecretEditorDialog::saveRequested, this, [&emitted] { ++emitted; });
    const QString value = generatedValue();
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("API_TOKEN"));
    child<QLineEdit>("valueEdit")->setText(value);
    Confirmation::setNextAnswer(true); // discard
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(emitted, 0);

    m_dialog = std::make_unique<SecretEditorDialog>();
    m_dialog->show();
    QList<SecretChange> saved;
    connect(m_dialog.get(), &SecretEditorDialog::saveRequested, this,
            [&saved](const SecretChange &change) { saved.append(change); });
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("API_TOKEN"));
    child<QLineEdit>("valueEdit")->setText(value);
    child<QLineEdit>("noteEdit")->setText(QStringLiteral("a note"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    const SecretChange &change = saved.constFirst();
    QCOMPARE(change.name.toString(), QStringLiteral("API_TOKEN"));
    QVERIFY(change.value == SecretValue::fromString(value));
    QCOMPARE(change.note, QStringLiteral("a note"));
    QVERIFY(m_dialog->isVisible()); // stays open until the window reports the store's success
}

void TestSecretEditor::untouchedDialogClosesWithoutAsking()
{
    openExisting(QStringLiteral("kept"));
    QVERIFY(!m_dialog->hasUnsavedChanges());
    // Switching the value's layout or reveal state is not an edit.
    child<QCheckBox>("revealCheck")->setChecked(true);
    QVERIFY(!m_dialog->hasUnsavedChanges());
    // Had the dialog asked, this "no" would have kept it open.
    Confirmation::setNextAnswer(false);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(!Confirmation::ask(nullptr, QString(), QString())); // the prepared answer was not used
}

void TestSecretEditor::changedDialogAsksBeforeClosing_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("cancel button") << QStringLiteral("cancel");
    QTest::newRow("escape") << QStringLiteral("escape");
    QTest::newRow("window close") << QStringLiteral("close");
}

void TestSecretEditor::changedDialogAsksBeforeClosing()
{
    QFETCH(QString, how);
    openExisting(QStringLiteral("before"));
    child<QLineEdit>("noteEdit")->setText(QStringLiteral("after"));
    QVERIFY(m_dialog->hasUnsavedChanges());
    const auto leave = [&] {
        if (how == QLatin1String("cancel"))
            QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
        else if (how == QLatin1String("escape"))
            QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
        else
            m_dialog->close();
    };
    Confirmation::setNextAnswer(false); // keep editing
    leave();
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(child<QLineEdit>("noteEdit")->text(), QStringLiteral("after"));
    Confirmation::setNextAnswer(true); // discard
    leave();
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

void TestSecretEditor::layoutToggleKeepsOrderAndValue_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("keysInOrder");
    QTest::newRow("unsorted keys") << QStringLiteral(R"({"zeta": "1", "alpha": "2", "mid": "3"})")
                                   << QStringList{QStringLiteral("zeta"), QStringLiteral("alpha"),
                                                  QStringLiteral("mid")};
    QTest::newRow("nested and typed")
        << QStringLiteral(R"({"z": {"y": [3, 2.5, -1e3, true, null], "b": false}, "a": "x\"y\\u00e9"})")
        << QStringList{QStringLiteral("z"), QStringLiteral("y"), QStringLiteral("b"), QStringLiteral("a")};
    QTest::newRow("non-ascii") << QStringLiteral(R"({"ключ": "значение", "ä": "ö"})")
                               << QStringList{QStringLiteral("ключ"), QStringLiteral("ä")};
}

void TestSecretEditor::layoutToggleKeepsOrderAndValue()
{
    QFETCH(QString, json);
    QFETCH(QStringList, keysInOrder);
    const auto original = SecretValue::fromJson(json.toUtf8());
    QVERIFY(original.ok());
    child<QComboBox>("typeCombo")->setCurrentIndex(1);
    auto *edit = child<QPlainTextEdit>("jsonEdit");
    edit->setPlainText(json);
    const auto check = [&](bool compact) {
        const QString text = edit->toPlainText();
        QCOMPARE(text.contains(QLatin1Char('\n')), !compact);
        qsizetype last = -1;
        for (const QString &key : keysInOrder) {
            const qsizetype at = text.indexOf(QLatin1Char('"') + key + QLatin1Char('"'), last + 1);
            QVERIFY2(at > last, qPrintable(key));
            last = at;
        }
        const auto now = SecretValue::fromJson(text.toUtf8());
        QVERIFY(now.ok());
        QVERIFY(*now == *original);
    };
    QVERIFY(m_dialog->setCompactJson(false));
    check(false);
    toggleLayout();
    QVERIFY(child<QCheckBox>("compactCheck")->isChecked());
    check(true);
    QCOMPARE(edit->toPlainText().toUtf8(), original->utf8());
    toggleLayout();
    check(false);
    QCOMPARE(edit->toPlainText().toUtf8(), original->pretty());
}

void TestSecretEditor::layoutToggleRefusesInvalidJson()
{
    child<QComboBox>("typeCombo")->setCurrentIndex(1);
    auto *edit = child<QPlainTextEdit>("jsonEdit");
    const QString broken = QStringLiteral("{\"a\": 1,");
    edit->setPlainText(broken);
    toggleLayout();
    QVERIFY(!child<QCheckBox>("compactCheck")->isChecked());
    QCOMPARE(edit->toPlainText(), broken);
    QVERIFY(child<QLabel>("errorLabel")->isVisible());
    QVERIFY(child<QLabel>("errorLabel")->text().contains(QStringLiteral("VALUE002")));
}

void TestSecretEditor::highlighterFormatsRanges_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("occurrence");
    QTest::addColumn<int>("part");
    QTest::newRow("key") << QStringLiteral("\"na\\\"me\"") << 0 << int(JsonHighlighter::Part::Key);
    QTest::newRow("string value") << QStringLiteral("\"v:al\"") << 0 << int(JsonHighlighter::Part::String);
    QTest::newRow("negative exponent number")
        << QStringLiteral("-1.5e3") << 0 << int(JsonHighlighter::Part::Number);
    QTest::newRow("true") << QStringLiteral("true") << 0 << int(JsonHighlighter::Part::Literal);
    QTest::newRow("null") << QStringLiteral("null") << 0 << int(JsonHighlighter::Part::Literal);
    QTest::newRow("brace") << QStringLiteral("{") << 0 << int(JsonHighlighter::Part::Punctuation);
    QTest::newRow("colon") << QStringLiteral(":") << 0 << int(JsonHighlighter::Part::Punctuation);
    QTest::newRow("array string") << QStringLiteral("\"in\"") << 0 << int(JsonHighlighter::Part::String);
}

void TestSecretEditor::highlighterFormatsRanges()
{
    QFETCH(QString, token);
    QFETCH(int, occurrence);
    QFETCH(int, part);
    // The editor's own highlighter, over the text as a user would have it in the JSON field.
    child<QComboBox>("typeCombo")->setCurrentIndex(1);
    auto *edit = child<QPlainTextEdit>("jsonEdit");
    edit->setPlainText(
        QStringLiteral("{\n  \"na\\\"me\": \"v:al\",\n  \"n\": -1.5e3, \"t\": true, \"z\": null,"
                       "\n  \"list\": [\"in\", 2]\n}"));
    const QTextDocument &document = *edit->document();
    const auto *highlighter = m_dialog->findChild<JsonHighlighter *>();
    QVERIFY(highlighter);
    int at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = document.toPlainText().indexOf(token, at + 1);
    QVERIFY(at >= 0);
    const QTextBlock block = document.findBlock(at);
    const int start = at - block.position();
    bool covered = false;
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.start == start && range.length == token.size()) {
            const auto expected = highlighter->format(static_cast<JsonHighlighter::Part>(part));
            QCOMPARE(range.format.foreground().color(), expected.foreground().color());
            QCOMPARE(range.format.fontWeight(), expected.fontWeight());
            covered = true;
        }
    }
    QVERIFY2(covered, qPrintable(QStringLiteral("no format range exactly over %1").arg(token)));
}

void TestSecretEditor::highlighterFollowsDarkPalette()
{
    QTextDocument document;
    const QPalette light = ThemePalette::paletteFor(AppSettings::Theme::Light);
    const QPalette dark = ThemePalette::paletteFor(AppSettings::Theme::Dark);
    JsonHighlighter highlighter(&document, light);
    const QColor onLight = highlighter.format(JsonHighlighter::Part::String).foreground().color();
    highlighter.setPalette(dark);
    const QColor onDark = highlighter.format(JsonHighlighter::Part::String).foreground().color();
    QVERIFY(onLight != onDark);
    // Readable: the string colour is lighter than the dark base, darker than the light one.
    QVERIFY(onDark.lightnessF() > dark.color(QPalette::Base).lightnessF() + 0.3);
    QVERIFY(onLight.lightnessF() < light.color(QPalette::Base).lightnessF() - 0.3);
    QCOMPARE(highlighter.format(JsonHighlighter::Part::Key).foreground().color(), dark.color(QPalette::Link));
}

void TestSecretEditor::highlighterFollowsTheApplicationTheme()
{
    const auto *highlighter = m_dialog->findChild<JsonHighlighter *>();
    QVERIFY(highlighter);
    ThemePalette::apply(AppSettings::Theme::Light);
    QTRY_COMPARE(highlighter->format(JsonHighlighter::Part::Key).foreground().color(),
                 ThemePalette::paletteFor(AppSettings::Theme::Light).color(QPalette::Link));
    const QColor onLight = highlighter->format(JsonHighlighter::Part::String).foreground().color();
    ThemePalette::apply(AppSettings::Theme::Dark);
    QTRY_VERIFY(highlighter->format(JsonHighlighter::Part::String).foreground().color() != onLight);
    QCOMPARE(highlighter->format(JsonHighlighter::Part::Key).foreground().color(),
             ThemePalette::paletteFor(AppSettings::Theme::Dark).color(QPalette::Link));
    ThemePalette::apply(AppSettings::Theme::System);
}

void TestSecretEditor::tabOrderFollowsTheForm_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QStringList>("order");
    QTest::newRow("string") << 0
                            << QStringList{QStringLiteral("nameEdit"),  QStringLiteral("typeCombo"),
                                           QStringLiteral("valueEdit"), QStringLiteral("revealCheck"),
                                           QStringLiteral("kindEdit"),  QStringLiteral("targetCombo"),
                                           QStringLiteral("noteEdit"),  QStringLiteral("templateButton")};
    // Tab leaves the JSON editor instead of inserting a tab character.
    QTest::newRow("json") << 1
                          << QStringList{QStringLiteral("nameEdit"), QStringLiteral("typeCombo"),
                                         QStringLiteral("jsonEdit"), QStringLiteral("compactCheck"),
                                         QStringLiteral("kindEdit")};
}

void TestSecretEditor::tabOrderFollowsTheForm()
{
    QFETCH(int, type);
    QFETCH(QStringList, order);
    child<QComboBox>("typeCombo")->setCurrentIndex(type);
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    child<QLineEdit>("nameEdit")->setFocus();
    QStringList visited;
    for (qsizetype i = 0; i < order.size(); ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        visited << focus->objectName();
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QCOMPARE(visited, order);
}

QTEST_MAIN(TestSecretEditor)
#include "tst_secreteditor.moc"
