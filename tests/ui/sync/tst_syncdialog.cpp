#include "core/cloud/CloudLink.h"
#include "tests/support/AwaitCallback.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TempHome.h"
#include "tests/support/fakeprefect/FakePrefect.h"
#include "ui/Confirmation.h"
#include "ui/sync/SyncDialog.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTest>
#include <QTimer>

using namespace secretdesk;
using namespace secretdesk::test;

// The Sync view offscreen: the real keychain on one side, the fake Prefect 2/3 server on the other.
class TestSyncDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void linkFormKeepsTheKeyInTheKeychainOnly();
    void diffShowsStatesAndNeverAValue();
    void pushSelected();
    void pullWithAConflict();
    void removeRemoteAsksFirst();
    void cancelMidRun();
    void failureIsPerSecret();
    void everyControlIsNamedAndReachable();
    void closingWhileBusyIsSafe();
    void linkedWithoutAKeyAsksToLinkAgain();

private:
    void save(const QString &name, const QString &value);
    std::optional<QString> local(const QString &name);
    void link();
    std::unique_ptr<SyncDialog> open();
    bool run(SyncDialog &dialog, const char *button, int timeoutMs = 20000);
    static int rowOf(const SyncDialog &dialog, const QString &localName);
    static QString text(const SyncDialog &dialog, const QString &localName, int column);
    static void check(SyncDialog &dialog, const QStringList &localNames);
    QStringList values() const;

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<KeychainVault> m_vault;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<FakePrefect> m_server;
    QByteArray m_key;
    QHash<QString, QString> m_values; // every value this test made, to look for leaks
};

namespace {
QString randomText()
{
    return QStringLiteral("v-") + QString::number(QRandomGenerator::global()->generate64(), 36);
}
} // namespace

void TestSyncDialog::initTestCase()
{
    const QString problem = keyringProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    qputenv("SECRETDESK_CLOUD_TIMEOUT_MS", "4000");
    qputenv("SECRETDESK_CLOUD_RETRY_BASE_MS", "5");
    qputenv("SECRETDESK_CLOUD_ATTEMPTS", "2");
}

void TestSyncDialog::init()
{
    m_store.reset();
    m_home = std::make_unique<TempHome>();
    m_vault = std::make_unique<KeychainVault>(uniqueKeychainService(QStringLiteral("syncdialog")));
    m_store = std::make_unique<SecretStore>(CatalogFile(m_home->catalogPath()), m_vault.get());
    m_server = std::make_unique<FakePrefect>();
    QVERIFY(m_server->listen());
    m_key = "pnu_test_" + randomText().toLatin1();
    m_server->setApiKey(m_key);
    m_values.clear();
}

void TestSyncDialog::save(const QString &name, const QString &value)
{
    m_values.insert(name, value);
    const auto saved = awaitCallback<Result<SecretRecord>>([&](QObject *ctx, auto done) {
        m_store->save(ProfileName::defaultProfile(),
                      {*SecretName::parse(name), SecretValue::fromString(value)}, ctx, done);
    });
    QVERIFY(saved.has_value() && saved->ok());
}

std::optional<QString> TestSyncDialog::local(const QString &name)
{
    auto value = awaitCallback<Result<SecretValue>>([&](QObject *ctx, auto done) {
        m_store->readValue(ProfileName::defaultProfile(), *SecretName::parse(name), ctx, done);
    });
    if (!value || !value->ok())
        return std::nullopt;
    return value->value().toString();
}

void TestSyncDialog::link()
{
    auto made = CloudLink::make(BackendKind::Prefect2, m_server->prefect2Url().toString());
    QVERIFY(made.ok());
    QVERIFY(made->save(m_store->catalogFile(), ProfileName::defaultProfile()).ok());
    const auto stored = awaitCallback<Status>([&](QObject *ctx, auto done) {
        m_vault->write(CloudLink::apiKeyKey(ProfileName::defaultProfile()), m_key, ctx, done);
    });
    QVERIFY(stored.has_value() && stored->ok());
}

std::unique_ptr<SyncDialog> TestSyncDialog::open()
{
    auto dialog = std::make_unique<SyncDialog>(m_store.get(), ProfileName::defaultProfile());
    dialog->show();
    return dialog;
}

bool TestSyncDialog::run(SyncDialog &dialog, const char *button, int timeoutMs)
{
    QSignalSpy finished(&dialog, &SyncDialog::runFinished);
    if (button)
        dialog.findChild<QPushButton *>(QLatin1String(button))->click();
    return finished.count() > 0 || finished.wait(timeoutMs);
}

int TestSyncDialog::rowOf(const SyncDialog &dialog, const QString &localName)
{
    const QStandardItemModel *model = dialog.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row, SyncDialog::NameColumn)->text() == localName)
            return row;
    }
    return -1;
}

QString TestSyncDialog::text(const SyncDialog &dialog, const QString &localName, int column)
{
    const int row = rowOf(dialog, localName);
    return row < 0 ? QStringLiteral("<no row>") : dialog.model()->item(row, column)->text();
}

void TestSyncDialog::check(SyncDialog &dialog, const QStringList &localNames)
{
    dialog.findChild<QPushButton *>(QStringLiteral("syncSelectNone"))->click();
    for (const QString &name : localNames)
        dialog.model()->item(rowOf(dialog, name), SyncDialog::NameColumn)->setCheckState(Qt::Checked);
}

void TestSyncDialog::linkFormKeepsTheKeyInTheKeychainOnly()
{
    save(QStringLiteral("LOCAL_ONE"), randomText());
    auto dialog = open();
    auto *pages = dialog->findChild<QStackedWidget *>(QStringLiteral("syncPages"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("syncLinkForm"));
    auto *backend = dialog->findChild<QComboBox *>(QStringLiteral("syncBackend"));
    backend->setCurrentIndex(backend->findData(QStringLiteral("prefect2")));
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("syncApiUrl"));
    auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("syncApiKey"));
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    url->setText(m_server->prefect2Url().toString());

    // A rejected key is reported and stored nowhere.
    key->setText(QStringLiteral("pnu_wrong_") + randomText());
    dialog->findChild<QPushButton *>(QStringLiteral("syncLinkButton"))->click();
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("syncLinkMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("rejected")), 10000);
    QVERIFY(key->text().isEmpty());
    const auto missing = awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
        m_vault->read(CloudLink::apiKeyKey(ProfileName::defaultProfile()), ctx, done);
    });
    QVERIFY(missing.has_value() && !missing->ok());

    key->setText(QString::fromLatin1(m_key));
    QVERIFY(run(*dialog, "syncLinkButton"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("syncPage"));
    QCOMPARE(text(*dialog, QStringLiteral("LOCAL_ONE"), SyncDialog::StateColumn),
             QStringLiteral("local only"));
    QVERIFY(key->text().isEmpty());
    const auto stored = awaitCallback<Result<QByteArray>>([&](QObject *ctx, auto done) {
        m_vault->read(CloudLink::apiKeyKey(ProfileName::defaultProfile()), ctx, done);
    });
    QVERIFY(stored.has_value() && stored->ok());
    QCOMPARE(stored->value(), m_key);
    QVERIFY2(m_home->filesContaining(m_key).isEmpty(), qPrintable(m_home->filesContaining(m_key).join(u',')));
    auto linked = CloudLink::load(m_store->catalogFile(), ProfileName::defaultProfile());
    QVERIFY(linked.ok() && linked->has_value());
    QCOMPARE((*linked)->backend, BackendKind::Prefect2);
}

QStringList TestSyncDialog::values() const
{
    return QStringList(m_values.cbegin(), m_values.cend());
}

void TestSyncDialog::diffShowsStatesAndNeverAValue()
{
    const QString same = randomText();
    save(QStringLiteral("SAME_ONE"), same);
    save(QStringLiteral("CHANGED_ONE"), randomText());
    save(QStringLiteral("LOCAL_ONLY"), randomText());
    m_server->setSecret(QStringLiteral("same-one"), same);
    const QString theirs = randomText();
    m_values.insert(QStringLiteral("theirs"), theirs);
    m_server->setSecret(QStringLiteral("changed-one"), theirs);
    const QString remoteOnly = randomText();
    m_values.insert(QStringLiteral("remote"), remoteOnly);
    m_server->setSecret(QStringLiteral("remote-only"), remoteOnly);
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    QCOMPARE(dialog->model()->rowCount(), 4);
    QCOMPARE(text(*dialog, QStringLiteral("SAME_ONE"), SyncDialog::StateColumn), QStringLiteral("same"));
    QCOMPARE(text(*dialog, QStringLiteral("CHANGED_ONE"), SyncDialog::StateColumn),
             QStringLiteral("changed"));
    QCOMPARE(text(*dialog, QStringLiteral("LOCAL_ONLY"), SyncDialog::StateColumn),
             QStringLiteral("local only"));
    QCOMPARE(text(*dialog, QStringLiteral("REMOTE_ONLY"), SyncDialog::StateColumn),
             QStringLiteral("remote only"));
    QCOMPARE(text(*dialog, QStringLiteral("REMOTE_ONLY"), SyncDialog::RemoteColumn),
             QStringLiteral("remote-only"));

    // No value anywhere: model data in every role, labels, line edits, accessible texts.
    QStringList shown;
    const QStandardItemModel *model = dialog->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QMap<int, QVariant> roles = model->itemData(model->index(row, column));
            for (const QVariant &data : roles)
                shown.append(data.toString());
        }
    }
    for (const QWidget *widget : dialog->findChildren<QWidget *>()) {
        shown << widget->accessibleName() << widget->accessibleDescription() << widget->toolTip();
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            shown << label->text();
        if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
            shown << edit->text();
    }
    const QString all = shown.join(QLatin1Char('\n'));
    for (const QString &value : values())
        QVERIFY2(!all.contains(value), "a value is shown");
}

void TestSyncDialog::pushSelected()
{
    const QString mine = randomText();
    save(QStringLiteral("PUSH_ME"), mine);
    save(QStringLiteral("LEAVE_ME"), randomText());
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    check(*dialog, {QStringLiteral("PUSH_ME")});
    QVERIFY(run(*dialog, "syncPush"));
    QCOMPARE(text(*dialog, QStringLiteral("PUSH_ME"), SyncDialog::ResultColumn),
             QStringLiteral("ok (created)"));
    QCOMPARE(text(*dialog, QStringLiteral("LEAVE_ME"), SyncDialog::ResultColumn), QString());
    QCOMPARE(m_server->secrets().value(QStringLiteral("push-me")).toString(), mine);
    QVERIFY(!m_server->secrets().contains(QStringLiteral("leave-me")));
    auto *bar = dialog->findChild<QProgressBar *>(QStringLiteral("syncProgress"));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->maximum() > 0);

    // Dry run: reported, nothing sent.
    check(*dialog, {QStringLiteral("LEAVE_ME")});
    dialog->findChild<QCheckBox *>(QStringLiteral("syncDryRun"))->setChecked(true);
    QVERIFY(run(*dialog, "syncPush"));
    QCOMPARE(text(*dialog, QStringLiteral("LEAVE_ME"), SyncDialog::ResultColumn),
             QStringLiteral("ok (would create)"));
    QVERIFY(!m_server->secrets().contains(QStringLiteral("leave-me")));
}

void TestSyncDialog::pullWithAConflict()
{
    const QString mine = randomText();
    const QString theirs = randomText();
    const QString fresh = randomText();
    save(QStringLiteral("SHARED"), mine);
    m_server->setSecret(QStringLiteral("shared"), theirs);
    m_server->setSecret(QStringLiteral("fresh-one"), fresh);
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    check(*dialog, {QStringLiteral("SHARED"), QStringLiteral("FRESH_ONE")});
    auto *policy = dialog->findChild<QComboBox *>(QStringLiteral("syncConflictPolicy"));
    policy->setCurrentIndex(policy->findData(int(ConflictPolicy::Fail)));
    QVERIFY(run(*dialog, "syncPull"));
    QVERIFY(text(*dialog, QStringLiteral("SHARED"), SyncDialog::ResultColumn)
                .startsWith(QStringLiteral("failed: ")));
    QCOMPARE(text(*dialog, QStringLiteral("FRESH_ONE"), SyncDialog::ResultColumn),
             QStringLiteral("not changed: the pull stopped"));
    QCOMPARE(local(QStringLiteral("SHARED")), mine);
    QVERIFY(!local(QStringLiteral("FRESH_ONE")).has_value());

    policy->setCurrentIndex(policy->findData(int(ConflictPolicy::Skip)));
    QVERIFY(run(*dialog, "syncPull"));
    QCOMPARE(text(*dialog, QStringLiteral("SHARED"), SyncDialog::ResultColumn), QStringLiteral("skipped"));
    QCOMPARE(local(QStringLiteral("SHARED")), mine);
    QCOMPARE(local(QStringLiteral("FRESH_ONE")), fresh);

    policy->setCurrentIndex(policy->findData(int(ConflictPolicy::Overwrite)));
    QVERIFY(run(*dialog, "syncPull"));
    QCOMPARE(text(*dialog, QStringLiteral("SHARED"), SyncDialog::ResultColumn),
             QStringLiteral("ok (updated)"));
    QCOMPARE(local(QStringLiteral("SHARED")), theirs);
}

void TestSyncDialog::removeRemoteAsksFirst()
{
    save(QStringLiteral("DOOMED"), randomText());
    m_server->setSecret(QStringLiteral("doomed"), randomText());
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    check(*dialog, {QStringLiteral("DOOMED")});
    Confirmation::setNextAnswer(false);
    dialog->findChild<QPushButton *>(QStringLiteral("syncRemoveRemote"))->click();
    QVERIFY(!dialog->isBusy());
    QVERIFY(m_server->secrets().contains(QStringLiteral("doomed")));
    Confirmation::setNextAnswer(true);
    QVERIFY(run(*dialog, "syncRemoveRemote"));
    QCOMPARE(text(*dialog, QStringLiteral("DOOMED"), SyncDialog::ResultColumn),
             QStringLiteral("ok (deleted)"));
    QVERIFY(!m_server->secrets().contains(QStringLiteral("doomed")));
    QVERIFY(local(QStringLiteral("DOOMED")).has_value());
}

void TestSyncDialog::cancelMidRun()
{
    QStringList names;
    for (int i = 0; i < 12; ++i) {
        names.append(QStringLiteral("SLOW_%1").arg(i));
        save(names.last(), randomText());
    }
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    m_server->setLatency(1500);
    dialog->findChild<QPushButton *>(QStringLiteral("syncSelectAll"))->click();
    // Cancel once the keychain reads are done and the writes are on the wire.
    QElapsedTimer sinceCancel;
    auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("syncCancel"));
    QVERIFY(!cancel->isEnabled());
    connect(dialog.get(), &SyncDialog::progress, this, [&](int done, int total) {
        if (total == 24 && done >= 12 && !sinceCancel.isValid()) {
            QTimer::singleShot(200, cancel, [&, cancel] {
                QVERIFY(cancel->isEnabled());
                sinceCancel.start();
                cancel->click();
            });
            sinceCancel.invalidate();
        }
    });
    QVERIFY(run(*dialog, "syncPush", 30000));
    QVERIFY(sinceCancel.isValid());
    QVERIFY2(sinceCancel.elapsed() < 1000, "cancel waited for the server");
    int cancelled = 0;
    for (const QString &name : names) {
        const QString result = text(*dialog, name, SyncDialog::ResultColumn);
        QVERIFY2(result == QStringLiteral("cancelled") || result == QStringLiteral("ok (created)"),
                 qPrintable(result));
        cancelled += result == QStringLiteral("cancelled");
    }
    QVERIFY(cancelled > 0);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("syncStatus"))
                ->text()
                .startsWith(QStringLiteral("Cancelled")));
    QVERIFY(!cancel->isEnabled());

    // The next push converges.
    m_server->setLatency(0);
    dialog->findChild<QPushButton *>(QStringLiteral("syncSelectAll"))->click();
    QVERIFY(run(*dialog, "syncPush"));
    for (const QString &name : names) {
        QVERIFY(text(*dialog, name, SyncDialog::ResultColumn).startsWith(QStringLiteral("ok")));
        QCOMPARE(m_server->secrets().value(name.toLower().replace(u'_', u'-')).toString(),
                 m_values.value(name));
    }
}

void TestSyncDialog::failureIsPerSecret()
{
    save(QStringLiteral("GOOD_ONE"), randomText());
    save(QStringLiteral("BAD_ONE"), randomText());
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    m_server->setFaultPlan([](const FakeRequest &request, int) {
        return request.method == "POST" && request.body.contains("\"bad-one\"") ? Fault::Error500
                                                                                : Fault::None;
    });
    dialog->findChild<QPushButton *>(QStringLiteral("syncSelectAll"))->click();
    QVERIFY(run(*dialog, "syncPush"));
    QCOMPARE(text(*dialog, QStringLiteral("GOOD_ONE"), SyncDialog::ResultColumn),
             QStringLiteral("ok (created)"));
    const QString bad = text(*dialog, QStringLiteral("BAD_ONE"), SyncDialog::ResultColumn);
    QVERIFY2(bad.startsWith(QStringLiteral("failed: ")) && bad.contains(QStringLiteral("HTTP 500")),
             qPrintable(bad));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("syncStatus"))
                ->text()
                .contains(QStringLiteral("1 failed")));
}

void TestSyncDialog::everyControlIsNamedAndReachable()
{
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    int controls = 0;
    for (QWidget *widget : dialog->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                             qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
                             qobject_cast<QProgressBar *>(widget) || qobject_cast<QLabel *>(widget);
        if (!control || widget->objectName().startsWith(QLatin1String("qt_")) ||
            qobject_cast<QComboBox *>(widget->parentWidget()) ||
            qobject_cast<QAbstractItemView *>(widget->parentWidget()))
            continue;
        ++controls;
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        QVERIFY2(!widget->accessibleDescription().isEmpty(), qPrintable(widget->objectName()));
        if (!qobject_cast<QLabel *>(widget) && !qobject_cast<QProgressBar *>(widget))
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
    }
    QVERIFY(controls >= 15);
    // Tab walks from the table through every action to Cancel.
    QWidget *from = dialog->findChild<QWidget *>(QStringLiteral("syncTable"));
    QStringList order;
    for (QWidget *w = from->nextInFocusChain(); w != from && order.size() < 40; w = w->nextInFocusChain())
        order.append(w->objectName());
    for (const char *name : {"syncSelectAll", "syncSelectNone", "syncRefresh", "syncPush", "syncPull",
                             "syncConflictPolicy", "syncRemoveRemote", "syncDryRun", "syncCancel"})
        QVERIFY2(order.contains(QLatin1String(name)), name);
    QVERIFY(order.indexOf(QStringLiteral("syncPush")) < order.indexOf(QStringLiteral("syncCancel")));
}

void TestSyncDialog::closingWhileBusyIsSafe()
{
    for (int i = 0; i < 4; ++i)
        save(QStringLiteral("CLOSE_%1").arg(i), randomText());
    link();
    auto dialog = open();
    QVERIFY(run(*dialog, nullptr));
    m_server->setLatency(800);
    dialog->findChild<QPushButton *>(QStringLiteral("syncSelectAll"))->click();
    dialog->findChild<QPushButton *>(QStringLiteral("syncPush"))->click();
    QVERIFY(dialog->isBusy());
    QTest::qWait(300);
    dialog.reset(); // mid-run: requests aborted, no callback into the gone dialog
    QTest::qWait(1200);
    m_server->setLatency(0);
    // The profile is still usable from a new dialog.
    dialog = open();
    QVERIFY(run(*dialog, nullptr));
    QCOMPARE(dialog->model()->rowCount(), 4);
}

void TestSyncDialog::linkedWithoutAKeyAsksToLinkAgain()
{
    auto made = CloudLink::make(BackendKind::Prefect2, m_server->prefect2Url().toString());
    QVERIFY(made.ok() && made->save(m_store->catalogFile(), ProfileName::defaultProfile()).ok());
    auto dialog = open(); // linked in the catalog, but no key in the keychain
    auto *pages = dialog->findChild<QStackedWidget *>(QStringLiteral("syncPages"));
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("syncLinkMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("link the profile again")), 10000);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("syncLinkForm"));
    QVERIFY(message->isVisible());
}

QTEST_MAIN(TestSyncDialog)
#include "tst_syncdialog.moc"
