#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "ui/AppSettings.h"
#include "ui/Clipboard.h"
#include "ui/ExportDialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QMimeData>
#include <QPushButton>
#include <QTest>

#include <algorithm>

using namespace secretdesk;

// The export dialog offscreen against the real keychain: masked preview, refusals, save, clipboard.
class TestExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void previewIsMaskedUntilRevealed();
    void refusalsNameTheSecret();
    void saveWritesAPrivateFile();
    void clipboardIsClearedOnlyWhileOurs();
    void startsFromTheSettingsDefaults_data();
    void startsFromTheSettingsDefaults();

private:
    void save(const char *name, const QByteArray &value);
    std::unique_ptr<ExportDialog> openDialog();

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    Clipboard m_clipboard;
};

void TestExportDialog::save(const char *name, const QByteArray &value)
{
    const auto saved = test::awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
        m_store->save(ProfileName::defaultProfile(),
                      {*SecretName::parse(QLatin1String(name)), *SecretValue::fromUtf8(value)}, ctx, done);
    });
    QVERIFY(saved.has_value() && saved->ok());
}

std::unique_ptr<ExportDialog> TestExportDialog::openDialog()
{
    auto dialog = std::make_unique<ExportDialog>(m_store.get(), ProfileName::defaultProfile(), &m_clipboard);
    dialog->show();
    dialog->load();
    return dialog;
}

void TestExportDialog::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    m_home = std::make_unique<test::TempHome>();
    qputenv("XDG_CONFIG_HOME", m_home->configHome().toUtf8()); // the settings file, before any QSettings
    m_vault = std::make_unique<KeychainVault>(test::uniqueKeychainService(QStringLiteral("exportdialog")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    save("TOKEN", "visible-only-when-revealed");
    save("PEM", "line one\nline two");
}

void TestExportDialog::previewIsMaskedUntilRevealed()
{
    auto dialog = openDialog();
    QTRY_VERIFY(dialog->isLoaded());
    QVERIFY(dialog->previewText().contains(QStringLiteral("PREFECT__CONTEXT__SECRETS__TOKEN")));
    QVERIFY(!dialog->previewText().contains(QStringLiteral("visible-only-when-revealed")));
    dialog->findChild<QCheckBox *>(QStringLiteral("revealCheck"))->setChecked(true);
    auto *style = dialog->findChild<QComboBox *>(QStringLiteral("styleCombo"));
    style->setCurrentIndex(style->findData(QStringLiteral("plain")));
    QVERIFY(dialog->previewText().contains(QStringLiteral("visible-only-when-revealed")));
}

void TestExportDialog::refusalsNameTheSecret()
{
    auto dialog = openDialog();
    QTRY_VERIFY(dialog->isLoaded());
    auto *target = dialog->findChild<QComboBox *>(QStringLiteral("targetCombo"));
    auto *style = dialog->findChild<QComboBox *>(QStringLiteral("styleCombo"));
    style->setCurrentIndex(style->findData(QStringLiteral("plain")));
    target->setCurrentText(QStringLiteral("docker-env"));
    const QStringList refusals = dialog->refusalTexts();
    QCOMPARE(refusals.size(), 1);
    QVERIFY(refusals.constFirst().contains(QStringLiteral("PEM")));
    QVERIFY(!refusals.constFirst().contains(QStringLiteral("line one")));
    QVERIFY(!dialog->saveTo(m_home->path() + QStringLiteral("/refused.env")).ok());
    QVERIFY(!QFile::exists(m_home->path() + QStringLiteral("/refused.env")));
}

void TestExportDialog::saveWritesAPrivateFile()
{
    auto dialog = openDialog();
    QTRY_VERIFY(dialog->isLoaded());
    const QString path = m_home->path() + QStringLiteral("/saved.sh");
    QVERIFY(dialog->saveTo(path).ok());
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("PREFECT__CONTEXT__SECRETS__PEM"));
}

void TestExportDialog::clipboardIsClearedOnlyWhileOurs()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    m_clipboard.setTimeoutSeconds(1);
    m_clipboard.copySecret(QStringLiteral("copied-secret"));
    QCOMPARE(clipboard->text(), QStringLiteral("copied-secret"));
    QCOMPARE(clipboard->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    QTRY_VERIFY_WITH_TIMEOUT(clipboard->text().isEmpty(), 3000);

    m_clipboard.copySecret(QStringLiteral("second-secret"));
    clipboard->setText(QStringLiteral("the user's own text"));
    QTest::qWait(1500);
    QCOMPARE(clipboard->text(), QStringLiteral("the user's own text"));
}

void TestExportDialog::startsFromTheSettingsDefaults_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("style");
    QTest::addColumn<QString>("expectedLine");
    QTest::newRow("dotenv, plain") << QStringLiteral("dotenv") << QStringLiteral("plain")
                                   << QStringLiteral("TOKEN=");
    QTest::newRow("fish, context") << QStringLiteral("fish") << QStringLiteral("context")
                                   << QStringLiteral("set -gx PREFECT__CONTEXT__SECRETS__TOKEN ");
    // Last, so that the settings end as they started.
    QTest::newRow("posix, own") << QStringLiteral("posix") << QStringLiteral("own")
                                << QStringLiteral("export PREFECT__CONTEXT__SECRETS__TOKEN=");
}

void TestExportDialog::startsFromTheSettingsDefaults()
{
    QFETCH(QString, format);
    QFETCH(QString, style);
    QFETCH(QString, expectedLine);
    AppSettings settings; // as the settings dialog would have written them
    settings.setExportFormat(format);
    settings.setExportStyle(style);
    auto dialog = openDialog();
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("targetCombo"))->currentText(), format);
    const QString styleData =
        dialog->findChild<QComboBox *>(QStringLiteral("styleCombo"))->currentData().toString();
    QCOMPARE(styleData, style == QLatin1String("own") ? QString() : style);
    QTRY_VERIFY(dialog->isLoaded());
    const QStringList lines = dialog->previewText().split(QLatin1Char('\n'));
    const bool found = std::any_of(lines.cbegin(), lines.cend(),
                                   [&](const QString &line) { return line.startsWith(expectedLine); });
    QVERIFY2(found, qPrintable(dialog->previewText()));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
