#include "tests/importing/ImportTestStore.h"
#include "tests/support/KeyringSession.h"
#include "ui/import/ImportDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace secretdesk;

// The Import view: every source the GUI offers, the preview, conflicts and refused files, driven
// through its controls as a user would, against a real keyring.
class TestImportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importsFromEnvFile();
    void importsFromConfigToml();
    void importsFromEnvironment();
    void conflictSkipOrOverwrite_data();
    void conflictSkipOrOverwrite();
    void invalidFileShowsErrorAndChangesNothing_data();
    void invalidFileShowsErrorAndChangesNothing();
    void everyControlIsNamedAndReachable();

private:
    template<class T>
    T *child(const char *name) const
    {
        T *found = m_dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    void choose(ImportSource::Kind kind, const QString &path, const QString &plain = {});
    bool preview();
    QStringList tableText() const;
    QStringList problems() const;
    static QByteArray randomValue();

    std::unique_ptr<test::ImportTestStore> m_store;
    std::unique_ptr<ImportDialog> m_dialog;
};

QByteArray TestImportDialog::randomValue()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 36) + "-generated";
}

void TestImportDialog::initTestCase()
{
    const QString problem = test::keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
}

void TestImportDialog::init()
{
    m_store = std::make_unique<test::ImportTestStore>(QStringLiteral("importdialog"));
    qputenv("PREFECT__USER_CONFIG_PATH",
            (m_store->home().path() + QStringLiteral("/prefect/config.toml")).toUtf8());
    m_dialog = std::make_unique<ImportDialog>(m_store->store(), test::ImportTestStore::profile());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestImportDialog::cleanup()
{
    m_dialog.reset();
    m_store.reset();
    qunsetenv("PREFECT__USER_CONFIG_PATH");
}

void TestImportDialog::choose(ImportSource::Kind kind, const QString &path, const QString &plain)
{
    auto *source = child<QComboBox>("sourceCombo");
    source->setCurrentIndex(source->findData(int(kind)));
    auto *pathEdit = child<QLineEdit>("pathEdit");
    if (!path.isEmpty()) {
        pathEdit->clear();
        QTest::keyClicks(pathEdit, path);
    }
    if (!plain.isEmpty())
        QTest::keyClicks(child<QLineEdit>("plainEdit"), plain);
}

bool TestImportDialog::preview()
{
    QSignalSpy previewed(m_dialog.get(), &ImportDialog::previewed);
    QTest::mouseClick(child<QPushButton>("previewButton"), Qt::LeftButton);
    if (!child<QListWidget>("problemsList")->count() && !m_dialog->plan())
        return previewed.wait(20000);
    return previewed.size() > 0 || m_dialog->plan().has_value();
}

QStringList TestImportDialog::tableText() const
{
    QStringList rows;
    auto *table = child<QTableWidget>("previewTable");
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < 3; ++c)
            cells.append(table->item(r, c)->text());
        rows.append(cells.join(QLatin1Char(' ')));
    }
    return rows;
}

QStringList TestImportDialog::problems() const
{
    QStringList lines;
    auto *list = child<QListWidget>("problemsList");
    for (int i = 0; i < list->count(); ++i)
        lines.append(list->item(i)->text());
    return lines;
}

void TestImportDialog::importsFromEnvFile()
{
    const QByteArray token = randomValue();
    const QByteArray plain = randomValue();
    const QString env = m_store->writeFile(
        QStringLiteral("app.env"), "PREFECT__CONTEXT__SECRETS__API_TOKEN=" + token +
                                       "\n"
                                       "PREFECT__CONTEXT__SECRETS__AWS_CREDENTIALS__ACCESS_KEY=k\n"
                                       "PREFECT__CONTEXT__SECRETS__AWS_CREDENTIALS__SECRET_ACCESS_KEY=s\n"
                                       "DB_PASSWORD=" +
                                       plain + "\nUNRELATED=x\n");
    choose(ImportSource::Kind::EnvFile, env, QStringLiteral("DB_PASSWORD"));
    QVERIFY(preview());
    QCOMPARE(tableText(),
             (QStringList{QStringLiteral("API_TOKEN new add"), QStringLiteral("AWS_CREDENTIALS new add"),
                          QStringLiteral("DB_PASSWORD new add")}));
    auto *table = child<QTableWidget>("previewTable");
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("AWS_CREDENTIALS"));
    QCOMPARE(table->item(0, 4)->text(), env + QStringLiteral(":1:1"));
    // No cell, tooltip or problem holds a value.
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c) {
            QVERIFY(!table->item(r, c)->text().contains(QString::fromUtf8(token)));
            QVERIFY(!table->item(r, c)->toolTip().contains(QString::fromUtf8(plain)));
        }
    }
    QSignalSpy progress(m_dialog.get(), &ImportDialog::progress);
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    QVERIFY(child<QPushButton>("importButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.constFirst().constFirst().toInt(), 3);
    QCOMPARE(progress.constLast(), (QVariantList{3, 3}));
    QCOMPARE(child<QProgressBar>("importProgress")->value(), 3);
    QCOMPARE(m_store->value(QStringLiteral("API_TOKEN"))->utf8(), token);
    QCOMPARE(m_store->value(QStringLiteral("DB_PASSWORD"))->utf8(), plain);
    QCOMPARE(m_store->value(QStringLiteral("AWS_CREDENTIALS"))->utf8(),
             QByteArray(R"({"ACCESS_KEY":"k","SECRET_ACCESS_KEY":"s"})"));
    QVERIFY(!child<QPushButton>("importButton")->isEnabled());
    // A second preview sees them all stored already.
    QVERIFY(preview());
    QCOMPARE(m_dialog->plan()->count(ImportItem::State::Same), 3);
}

void TestImportDialog::importsFromConfigToml()
{
    // The default path comes from PREFECT__USER_CONFIG_PATH, set in init().
    auto *source = child<QComboBox>("sourceCombo");
    source->setCurrentIndex(source->findData(int(ImportSource::Kind::ConfigToml)));
    const QString expected = m_store->home().path() + QStringLiteral("/prefect/config.toml");
    QCOMPARE(child<QLineEdit>("pathEdit")->text(), expected);
    QVERIFY(!child<QLineEdit>("plainEdit")->isEnabled());

    QVERIFY(QDir().mkpath(m_store->home().path() + QStringLiteral("/prefect")));
    const QByteArray value = randomValue();
    m_store->writeFile(QStringLiteral("prefect/config.toml"), "# comment\n[context.secrets]\nSLACK = \"" +
                                                                  value +
                                                                  "\"\n"
                                                                  "GCP = { type = \"service_account\" }\n");
    QVERIFY(preview());
    QCOMPARE(tableText(), (QStringList{QStringLiteral("SLACK new add"), QStringLiteral("GCP new add")}));
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.constFirst().constFirst().toInt(), 2);
    QCOMPARE(m_store->value(QStringLiteral("SLACK"))->utf8(), value);
    QCOMPARE(m_store->value(QStringLiteral("GCP"))->utf8(), QByteArray(R"({"type":"service_account"})"));
}

void TestImportDialog::importsFromEnvironment()
{
    const QByteArray value = randomValue();
    const QByteArray name =
        "IMPORT_TEST_" + QByteArray::number(QRandomGenerator::global()->generate(), 36).toUpper();
    qputenv(QByteArray("PREFECT__CONTEXT__SECRETS__" + name).constData(), value);
    choose(ImportSource::Kind::Environment, {});
    QVERIFY(!child<QLineEdit>("pathEdit")->isEnabled());
    const bool previewed = preview();
    qunsetenv(QByteArray("PREFECT__CONTEXT__SECRETS__" + name).constData());
    QVERIFY(previewed);
    QVERIFY2(tableText().contains(QString::fromUtf8(name) + QStringLiteral(" new add")),
             qPrintable(tableText().join(QLatin1Char(','))));
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QVERIFY(imported.wait(20000));
    QCOMPARE(m_store->value(QString::fromUtf8(name))->utf8(), value);
}

void TestImportDialog::conflictSkipOrOverwrite_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("overwritten");
    QTest::newRow("skip") << int(ImportConflict::Skip) << QStringLiteral("skip") << false;
    QTest::newRow("overwrite") << int(ImportConflict::Overwrite) << QStringLiteral("overwrite") << true;
}

void TestImportDialog::conflictSkipOrOverwrite()
{
    QFETCH(int, policy);
    QFETCH(QString, action);
    QFETCH(bool, overwritten);
    const QByteArray mine = randomValue();
    const QByteArray theirs = randomValue();
    QVERIFY(m_store->save(QStringLiteral("TOKEN"), mine).ok());
    const QString config = m_store->writeFile(QStringLiteral("c.toml"), "[context.secrets]\nTOKEN = \"" +
                                                                            theirs + "\"\nOTHER = \"o\"\n");
    choose(ImportSource::Kind::ConfigToml, config);
    QVERIFY(preview());
    // The default policy stops: the changed name is listed with its line, and nothing can be imported.
    QCOMPARE(tableText(), (QStringList{QStringLiteral("TOKEN changed stops the import"),
                                       QStringLiteral("OTHER new add")}));
    QCOMPARE(problems().size(), 1);
    QVERIFY2(problems().constFirst().startsWith(config + QStringLiteral(":2:")),
             qPrintable(problems().constFirst()));
    QVERIFY(!child<QPushButton>("importButton")->isEnabled());

    auto *policyCombo = child<QComboBox>("policyCombo");
    policyCombo->setCurrentIndex(policyCombo->findData(policy));
    QCOMPARE(tableText().constFirst(), QStringLiteral("TOKEN changed ") + action);
    QVERIFY(problems().isEmpty());
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.constFirst().constFirst().toInt(), overwritten ? 2 : 1);
    QCOMPARE(m_store->value(QStringLiteral("TOKEN"))->utf8(), overwritten ? theirs : mine);
    QCOMPARE(m_store->value(QStringLiteral("OTHER"))->utf8(), QByteArray("o"));
}

void TestImportDialog::invalidFileShowsErrorAndChangesNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where"); // the file's place every problem line must name
    QTest::newRow("invalid toml") << int(ImportSource::Kind::ConfigToml)
                                  << QByteArray("[context.secrets]\nA = \"one\"\nB = = \"two\"\n")
                                  << QStringLiteral(":3:");
    QTest::newRow("invalid name in env file")
        << int(ImportSource::Kind::EnvFile)
        << QByteArray("PREFECT__CONTEXT__SECRETS__GOOD=one\nPREFECT__CONTEXT__SECRETS__BAD-NAME=two\n")
        << QStringLiteral(":2:");
    QTest::newRow("unreadable dotenv statement")
        << int(ImportSource::Kind::EnvFile) << QByteArray("PREFECT__CONTEXT__SECRETS__GOOD=one\nX='open\n")
        << QStringLiteral(":2");
}

void TestImportDialog::invalidFileShowsErrorAndChangesNothing()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    QVERIFY(m_store->save(QStringLiteral("KEPT"), "kept").ok());
    const QStringList before = m_store->contents();
    const QString path = m_store->writeFile(QStringLiteral("broken.file"), text);
    choose(ImportSource::Kind(kind), path);
    preview();
    QVERIFY(!problems().isEmpty());
    bool placed = false;
    for (const QString &line : problems())
        placed = placed || line.startsWith(path + where);
    QVERIFY2(placed, qPrintable(problems().join(QLatin1Char('\n'))));
    QVERIFY(!child<QPushButton>("importButton")->isEnabled());
    m_dialog->startImport(); // refused as well when called directly
    QTest::qWait(50);
    QCOMPARE(m_store->contents(), before);
}

void TestImportDialog::everyControlIsNamedAndReachable()
{
    // Every widget this view made (Qt's own parts of a table or combo box carry qt_ names or none).
    QStringList checked;
    for (QWidget *w : m_dialog->findChildren<QWidget *>()) {
        if (w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->accessibleDescription().isEmpty(), qPrintable(w->objectName()));
        checked.append(w->objectName());
    }
    for (const char *name :
         {"sourceCombo", "pathEdit", "browseButton", "plainEdit", "previewButton", "previewTable",
          "problemsList", "policyCombo", "importButton", "importProgress", "statusLabel", "closeButton",
          "sourceLabel", "pathLabel", "plainLabel", "policyLabel"})
        QVERIFY2(checked.contains(QLatin1String(name)), name);
    // Tab from the first control visits every control a user works with.
    const QStringList expected{QStringLiteral("sourceCombo"),   QStringLiteral("plainEdit"),
                               QStringLiteral("previewButton"), QStringLiteral("previewTable"),
                               QStringLiteral("problemsList"),  QStringLiteral("policyCombo"),
                               QStringLiteral("closeButton")};
    child<QComboBox>("sourceCombo")->setFocus();
    QStringList visited;
    for (int i = 0; i < 12; ++i) {
        visited.append(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    for (const QString &name : expected)
        QVERIFY2(visited.contains(name),
                 qPrintable(name + QStringLiteral(" not reached: ") + visited.join(QLatin1Char(','))));
    // Labels carry mnemonics to their fields.
    QCOMPARE(child<QLabel>("sourceLabel")->buddy(), child<QComboBox>("sourceCombo"));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
