// secretdesk_screenshots OUTPUT_DIR: renders the main window, the editor showing a validation
// finding, the export dialog and the sync view to PNG files, offscreen, with made-up demo data.
// Run it through scripts/screenshots (a throwaway HOME and keyring); it never touches real data.
#include "core/store/SecretStore.h"
#include "ui/AppSettings.h"
#include "ui/Clipboard.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"
#include "ui/SecretEditorDialog.h"
#include "ui/SecretTableModel.h"
#include "ui/dialogs/ThemePalette.h"
#if __has_include("ui/sync/SyncDialog.h")
#include "ui/sync/SyncDialog.h"
#define SECRETDESK_HAS_SYNC_DIALOG 1
#endif

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace secretdesk;

namespace {

bool waitFor(const std::function<bool()> &done, int milliseconds = 15000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > milliseconds)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

void settle(int milliseconds)
{
    QElapsedTimer clock;
    clock.start();
    waitFor([&] { return clock.elapsed() >= milliseconds; }, milliseconds + 1000);
}

// Obviously fake and the same every run (so the images change only when the GUI does).
QString demoValue(const char *prefix)
{
    return QStringLiteral("%1-demo-not-a-secret").arg(QLatin1String(prefix));
}

bool save(QWidget *widget, const QString &directory, const QString &file)
{
    const QString path = directory + QLatin1Char('/') + file;
    if (!widget->grab().save(path, "PNG")) {
        std::fprintf(stderr, "screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("screenshots: wrote %s\n", qPrintable(path));
    return true;
}

bool storeDemoSecrets(SecretStore &store)
{
    const ProfileName profile = ProfileName::defaultProfile();
    struct Demo {
        const char *name;
        SecretValue value;
        const char *kind;
        const char *note;
    };
    const QByteArray aws = QStringLiteral(R"({"ACCESS_KEY": "%1", "SECRET_ACCESS_KEY": "%2"})")
                               .arg(demoValue("access"), demoValue("secret"))
                               .toUtf8();
    const QList<Demo> demos{
        {"GITHUB_ACCESS_TOKEN", SecretValue::fromString(demoValue("token")), "",
         "CI checkout of private flows"},
        {"AWS_CREDENTIALS", *SecretValue::fromJson(aws), "AWS_CREDENTIALS", "Demo account for S3 results"},
        {"DATABASE_URL",
         SecretValue::fromString(QStringLiteral("postgresql://demo@db.example.invalid/flows")), "",
         "Read-only replica"},
        {"SLACK_WEBHOOK_URL", SecretValue::fromString(QStringLiteral("https://hooks.example.invalid/demo")),
         "", "Failure notifications"},
        {"PORT", SecretValue::fromString(QStringLiteral("8080")), "", ""},
    };
    int pending = static_cast<int>(demos.size());
    bool ok = true;
    for (const Demo &demo : demos) {
        SecretChange change{*SecretName::parse(QLatin1String(demo.name)), demo.value};
        change.kind = QLatin1String(demo.kind);
        change.note = QLatin1String(demo.note);
        store.save(profile, change, &store, [&](Result<SecretRecord> saved) {
            ok = ok && saved.ok();
            --pending;
        });
    }
    return waitFor([&] { return pending == 0; }) && ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: secretdesk_screenshots OUTPUT_DIR\n");
        return 2;
    }
    const QString out = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    QDir().mkpath(out);
    QTemporaryDir data;
    KeychainVault vault(QStringLiteral("secretdesk-screenshots-%1").arg(QCoreApplication::applicationPid()));
    SecretStore store(CatalogFile(data.path() + QStringLiteral("/catalog.json")), &vault);
    if (!storeDemoSecrets(store)) {
        std::fprintf(stderr,
                     "screenshots: the keychain refused the demo secrets (run under scripts/with-keyring)\n");
        return 1;
    }

    bool ok = true;
    MainWindow window(&store);
    window.settings()->setTheme(AppSettings::Theme::Light);
    ThemePalette::apply(AppSettings::Theme::Light); // stable images whatever the desktop's theme
    window.resize(1024, 640);
    window.show();
    window.reload();
    waitFor([&] { return window.model()->rowCount() == 5; });
    if (auto *table = window.findChild<QTableView *>())
        table->selectRow(1);
    settle(300);
    ok = save(&window, out, QStringLiteral("main-window.png")) && ok;

    SecretEditorDialog editor(&window);
    editor.resize(640, 640);
    editor.show();
    editor.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("AWS_CREDENTIALS"));
    editor.findChild<QComboBox *>(QStringLiteral("typeCombo"))->setCurrentIndex(1);
    // A misspelt member: the validator points at it and offers the fix.
    editor.findChild<QPlainTextEdit *>(QStringLiteral("jsonEdit"))
        ->setPlainText(QStringLiteral("{\n  \"ACCESS_KEY\": \"%1\",\n  \"SECRET_KEY\": \"%2\"\n}")
                           .arg(demoValue("access"), demoValue("secret")));
    settle(600); // past the editor's debounce
    ok = save(&editor, out, QStringLiteral("editor-validation.png")) && ok;
    editor.hide();

    Clipboard clipboard;
    ExportDialog exporter(&store, ProfileName::defaultProfile(), &clipboard, &window);
    exporter.resize(720, 520);
    exporter.show();
    exporter.load();
    waitFor([&] { return exporter.isLoaded(); });
    settle(200);
    ok = save(&exporter, out, QStringLiteral("export-dialog.png")) && ok;
    exporter.hide();

#ifdef SECRETDESK_HAS_SYNC_DIALOG
    SyncDialog sync(&store, ProfileName::defaultProfile(), &window);
    sync.resize(960, 520);
    sync.show();
    settle(200);
    SyncReport report;
    const auto item = [](const char *local, Presence presence, Comparison comparison, SyncAction action) {
        SyncItem line;
        line.localName = QLatin1String(local);
        line.remoteName = QString::fromLatin1(local).toLower();
        line.presence = presence;
        line.comparison = comparison;
        line.action = action;
        return line;
    };
    report.items = {item("AWS_CREDENTIALS", Presence::Both, Comparison::Same, SyncAction::Unchanged),
                    item("DATABASE_URL", Presence::Both, Comparison::Changed, SyncAction::Update),
                    item("GITHUB_ACCESS_TOKEN", Presence::LocalOnly, Comparison::Unknown, SyncAction::Create),
                    item("PORT", Presence::Both, Comparison::Same, SyncAction::Unchanged),
                    item("SLACK_WEBHOOK_URL", Presence::LocalOnly, Comparison::Unknown, SyncAction::Create)};
    report.requests = 3;
    // An unlinked demo profile opens on the link form; the report is shown on the table's page.
    if (auto *table = sync.findChild<QTableView *>()) {
        for (QWidget *w = table->parentWidget(); w != nullptr && w != &sync; w = w->parentWidget()) {
            if (auto *pages = qobject_cast<QStackedWidget *>(w->parentWidget()))
                pages->setCurrentWidget(w);
        }
    }
    sync.showReport(report);
    settle(200);
    ok = save(&sync, out, QStringLiteral("sync-view.png")) && ok;
#else
    std::printf("screenshots: ui/sync is not in this tree yet; sync-view.png skipped\n");
#endif
    return ok ? 0 : 1;
}
