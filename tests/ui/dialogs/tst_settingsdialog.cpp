#include "core/exporters/ExporterRegistry.h"
#include "ui/AppSettings.h"
#include "ui/dialogs/SettingsDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace secretdesk;

// The settings dialog offscreen over a settings file in a temporary folder: it starts from the
// settings, OK writes every field, Cancel writes nothing.
class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void showsTheCurrentSettings();
    void rangesAreTheSettingsRanges();
    void okWritesEveryField();
    void cancelWritesNothing_data();
    void cancelWritesNothing();
    void tabVisitsEveryField();

private:
    template<class T>
    T *child(const char *name) const
    {
        return m_dialog->findChild<T *>(QLatin1String(name));
    }
    void editEveryField();

    QTemporaryDir m_config;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); // before the first QSettings
}

void TestSettingsDialog::init()
{
    m_dialog.reset();
    m_settings = std::make_unique<AppSettings>();
    m_settings->setClipboardSeconds(45);
    m_settings->setLockMinutes(0);
    m_settings->setExportFormat(QStringLiteral("fish"));
    m_settings->setExportStyle(QStringLiteral("context"));
    m_settings->setTheme(AppSettings::Theme::Dark);
    m_dialog = std::make_unique<SettingsDialog>(m_settings.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSettingsDialog::showsTheCurrentSettings()
{
    QCOMPARE(child<QSpinBox>("clipboardSecondsSpin")->value(), 45);
    QCOMPARE(child<QSpinBox>("lockMinutesSpin")->value(), 0);
    QCOMPARE(child<QSpinBox>("lockMinutesSpin")->text(), QStringLiteral("Never"));
    QCOMPARE(child<QComboBox>("exportFormatCombo")->currentText(), QStringLiteral("fish"));
    QCOMPARE(child<QComboBox>("exportStyleCombo")->currentData().toString(), QStringLiteral("context"));
    QCOMPARE(child<QComboBox>("themeCombo")->currentData().toInt(), int(AppSettings::Theme::Dark));
}

void TestSettingsDialog::rangesAreTheSettingsRanges()
{
    QCOMPARE(child<QSpinBox>("clipboardSecondsSpin")->minimum(), AppSettings::minClipboardSeconds);
    QCOMPARE(child<QSpinBox>("clipboardSecondsSpin")->maximum(), AppSettings::maxClipboardSeconds);
    QCOMPARE(child<QSpinBox>("lockMinutesSpin")->minimum(), 0);
    QCOMPARE(child<QSpinBox>("lockMinutesSpin")->maximum(), AppSettings::maxLockMinutes);
    auto *formats = child<QComboBox>("exportFormatCombo");
    QStringList ids;
    for (int i = 0; i < formats->count(); ++i)
        ids << formats->itemText(i);
    QCOMPARE(ids, ExporterRegistry::withBuiltins().ids());
    QCOMPARE(child<QComboBox>("themeCombo")->count(), 3);
}

void TestSettingsDialog::editEveryField()
{
    // From the keyboard where it is natural: type the numbers, pick the rest.
    auto *seconds = child<QSpinBox>("clipboardSecondsSpin");
    seconds->selectAll();
    QTest::keyClicks(seconds, QStringLiteral("90"));
    auto *minutes = child<QSpinBox>("lockMinutesSpin");
    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("15"));
    auto *format = child<QComboBox>("exportFormatCombo");
    format->setCurrentIndex(format->findText(QStringLiteral("dotenv")));
    auto *style = child<QComboBox>("exportStyleCombo");
    style->setCurrentIndex(style->findData(QStringLiteral("plain")));
    auto *theme = child<QComboBox>("themeCombo");
    theme->setCurrentIndex(theme->findData(int(AppSettings::Theme::Light)));
}

void TestSettingsDialog::okWritesEveryField()
{
    QSignalSpy changed(m_settings.get(), &AppSettings::changed);
    editEveryField();
    QCOMPARE(changed.count(), 0); // nothing written while editing
    QTest::mouseClick(child<QPushButton>("okButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_settings->clipboardSeconds(), 90);
    QCOMPARE(m_settings->lockMinutes(), 15);
    QCOMPARE(m_settings->exportFormat(), QStringLiteral("dotenv"));
    QCOMPARE(m_settings->exportStyle(), QStringLiteral("plain"));
    QCOMPARE(m_settings->theme(), AppSettings::Theme::Light);
    QVERIFY(changed.count() > 0);
    // Another reader of the same file (a fresh AppSettings, as the export dialog uses) agrees.
    const AppSettings fresh;
    QCOMPARE(fresh.exportFormat(), QStringLiteral("dotenv"));
    QCOMPARE(fresh.clipboardSeconds(), 90);
}

void TestSettingsDialog::cancelWritesNothing_data()
{
    QTest::addColumn<bool>("escape");
    QTest::newRow("cancel button") << false;
    QTest::newRow("escape key") << true;
}

void TestSettingsDialog::cancelWritesNothing()
{
    QFETCH(bool, escape);
    QSignalSpy changed(m_settings.get(), &AppSettings::changed);
    editEveryField();
    if (escape)
        QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    else
        QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_settings->clipboardSeconds(), 45);
    QCOMPARE(m_settings->lockMinutes(), 0);
    QCOMPARE(m_settings->exportFormat(), QStringLiteral("fish"));
    QCOMPARE(m_settings->exportStyle(), QStringLiteral("context"));
    QCOMPARE(m_settings->theme(), AppSettings::Theme::Dark);
}

void TestSettingsDialog::tabVisitsEveryField()
{
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    child<QSpinBox>("clipboardSecondsSpin")->setFocus();
    QStringList visited;
    for (int i = 0; i < 7; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        // A spin box's focus sits in its inner line edit; name the spin box.
        if (focus->parentWidget() != nullptr && qobject_cast<QSpinBox *>(focus->parentWidget()))
            focus = focus->parentWidget();
        visited << focus->objectName();
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QCOMPARE(visited, (QStringList{QStringLiteral("clipboardSecondsSpin"), QStringLiteral("lockMinutesSpin"),
                                   QStringLiteral("exportFormatCombo"), QStringLiteral("exportStyleCombo"),
                                   QStringLiteral("themeCombo"), QStringLiteral("okButton"),
                                   QStringLiteral("cancelButton")}));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
