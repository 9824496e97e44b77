#include "ui/FindingsList.h"
#include "ui/PrefectPreview.h"
#include "ui/SecretEditorDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

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

private:
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

QTEST_MAIN(TestSecretEditor)
#include "tst_secreteditor.moc"
