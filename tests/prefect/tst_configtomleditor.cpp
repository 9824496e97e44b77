// config.toml updates: golden before/after files (tests/data/prefect/config), structure errors with
// their line, and the file write (.bak, mode 0600, nothing changed on failure).
#include "core/prefect/ConfigTomlEditor.h"
#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/PrefectCodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace secretdesk;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/tests/data/prefect/config/");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

SecretValue valueOf(const QJsonValue &json)
{
    if (json.isObject())
        return SecretValue::fromJson(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact)).value();
    return SecretValue::fromString(json.toString());
}

PrefectTomlChange setting(const QString &name, const SecretValue &value)
{
    return PrefectTomlChange{SecretName::parse(name).value(), value};
}

const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The owner, group and other bits of a file (Qt also reports the current user's bits).
QFileDevice::Permissions modeOf(const QString &path)
{
    const auto all = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                     QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                     QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return QFile::permissions(path) & all;
}

// A random config.toml holding secrets in every shape the editor handles, and random changes to it.
struct RandomEdit {
    QByteArray before;
    QList<PrefectTomlChange> changes;
};

SecretValue randomValue(QRandomGenerator &random)
{
    static const QStringList pieces = {
        QStringLiteral("123"), QStringLiteral("true"), QStringLiteral("${a.b}"), QStringLiteral("$HOME"),
        QStringLiteral("~"),   QStringLiteral("'"),    QStringLiteral("\""),     QStringLiteral("\\"),
        QStringLiteral("\n"),  QStringLiteral("é"),    QStringLiteral(" "),      QStringLiteral("#"),
        QStringLiteral("{}"),  QStringLiteral("x")};
    QString text;
    const int length = int(random.bounded(5));
    for (int i = 0; i < length; ++i)
        text += pieces.at(int(random.bounded(pieces.size())));
    if (random.bounded(4) != 0)
        return SecretValue::fromString(text);
    const QJsonObject object{{QStringLiteral("ACCESS_KEY"), text}, {QStringLiteral("n"), QJsonValue::Null}};
    return SecretValue::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).value();
}

RandomEdit randomEdit(QRandomGenerator &random)
{
    const char *eol = random.bounded(5) == 0 ? "\r\n" : "\n";
    QList<QByteArray> blocks;
    if (random.bounded(2))
        blocks << QByteArray("[cloud]") + eol + "api = \"https://x\"   # kept" + eol;
    const bool dotted = random.bounded(3) == 0;
    if (dotted || random.bounded(2))
        blocks << QByteArray("[context]") + eol + "flow = 1" + eol +
                      (dotted ? QByteArray("secrets.D = \"d\"") + eol : QByteArray());
    if (!dotted && random.bounded(3) != 0) {
        QByteArray table = QByteArray("[context.secrets]") + eol + "# secrets" + eol;
        if (random.bounded(2))
            table += QByteArray("A = \"a\"  # note") + eol;
        if (random.bounded(2) && QByteArray(eol) == "\n") // CRLF: see the refusal test
            table += QByteArray("B = '''") + eol + "multi" + eol + "line'''" + eol;
        else if (random.bounded(2))
            table += QByteArray("B = '''one line'''") + eol;
        blocks << table;
    }
    if (!dotted && random.bounded(2))
        blocks << QByteArray("[context.secrets.SUB]") + eol + "K = \"v\"" + eol + "# inside" + eol;
    if (random.bounded(2))
        blocks.insert(int(random.bounded(blocks.size() + 1)),
                      QByteArray("[server]") + eol + "port = 1" + eol);
    RandomEdit edit;
    for (const QByteArray &block : blocks)
        edit.before += block + (random.bounded(2) ? QByteArray(eol) : QByteArray());
    static const QStringList names = {QStringLiteral("A"),   QStringLiteral("B"),   QStringLiteral("D"),
                                      QStringLiteral("SUB"), QStringLiteral("NEW"), QStringLiteral("Other")};
    for (const QString &name : names) {
        const quint32 roll = random.bounded(3);
        if (roll == 0)
            edit.changes << setting(name, randomValue(random));
        else if (roll == 1)
            edit.changes << PrefectTomlChange{SecretName::parse(name).value(), std::nullopt};
    }
    return edit;
}

} // namespace

class TestConfigTomlEditor : public QObject {
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void pythonToml010ReadsEveryEdit();
    void refusesWhatItCannotEditSafely_data();
    void refusesWhatItCannotEditSafely();
    void removingTheLastSecretLeavesTheRest();
    void laterChangesWin();
    void tableTextForExport();
    void writesAtomicallyWithBackupAndPrivateMode();
    void createsMissingFolderAndFile();
    void failedBackupLeavesFileAsItWas();
    void invalidFileIsNeverTouched();
};

void TestConfigTomlEditor::golden_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("set");
    QTest::addColumn<QJsonArray>("remove");
    const auto cases = QJsonDocument::fromJson(readAll(dataDir() + QStringLiteral("cases.json")))
                           .object()
                           .value(QStringLiteral("cases"))
                           .toArray();
    QVERIFY(cases.size() >= 10);
    for (const auto &c : cases) {
        const QJsonObject o = c.toObject();
        const QString name = o.value(QStringLiteral("case")).toString();
        QTest::newRow(qPrintable(name)) << name << o.value(QStringLiteral("set")).toObject()
                                        << o.value(QStringLiteral("remove")).toArray();
    }
}

void TestConfigTomlEditor::golden()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, set);
    QFETCH(QJsonArray, remove);
    const QByteArray before = readAll(dataDir() + name + QStringLiteral(".before.toml"));
    QByteArray expected = readAll(dataDir() + name + QStringLiteral(".after.toml"));

    QList<PrefectTomlChange> changes;
    for (auto it = set.begin(); it != set.end(); ++it) {
        const SecretValue value = valueOf(it.value());
        changes << setting(it.key(), value);
        auto encoded = PrefectCodec::encodeToml(value);
        QVERIFY(encoded.ok());
        expected.replace("@@" + it.key().toUtf8() + "@@", encoded.value());
    }
    for (const auto &r : remove)
        changes << PrefectTomlChange{SecretName::parse(r.toString()).value(), std::nullopt};

    auto after = ConfigTomlEditor::apply(before, changes, name);
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
    QCOMPARE(after.value(), expected);

    // Prefect reads every new value back exactly; untouched secrets read as before.
    const PrefectEnvironment world = PrefectEnvironment::fromMap({}, QStringLiteral("/home/tester"));
    auto oldEntries = ConfigTomlFile::readSecrets(before, name, world);
    auto newEntries = ConfigTomlFile::readSecrets(after.value(), name, world);
    QVERIFY(oldEntries.ok() && newEntries.ok());
    for (const PrefectSecretEntry &entry : newEntries.value()) {
        if (set.contains(entry.name)) {
            QVERIFY2(entry.value.has_value(), qPrintable(entry.name));
            QVERIFY2(*entry.value == valueOf(set.value(entry.name)), qPrintable(entry.name));
            continue;
        }
        QVERIFY(!remove.contains(entry.name));
        auto old = std::find_if(oldEntries->begin(), oldEntries->end(),
                                [&](const PrefectSecretEntry &e) { return e.name == entry.name; });
        QVERIFY(old != oldEntries->end());
        QVERIFY(old->reading && entry.reading && old->reading->context == entry.reading->context);
    }
    for (auto it = set.begin(); it != set.end(); ++it) {
        QVERIFY2(std::any_of(newEntries->begin(), newEntries->end(),
                             [&](const PrefectSecretEntry &e) { return e.name == it.key(); }),
                 qPrintable(it.key()));
    }
    // Applying the same changes again changes nothing more.
    auto again = ConfigTomlEditor::apply(after.value(), changes, name);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), after.value());
}

// The golden cases and 500 random edits, each checked by Prefect's own parser (python3-toml 0.10):
// it loads the new file, nothing outside context.secrets moved, and each secret holds its new value.
void TestConfigTomlEditor::pythonToml010ReadsEveryEdit()
{
    QJsonArray cases;
    const auto add = [&cases](const QByteArray &before, const QList<PrefectTomlChange> &changes) {
        auto after = ConfigTomlEditor::apply(before, changes, QStringLiteral("config.toml"));
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
        // Secretdesk's own reading of the new file gives back every value set, in a world where
        // $HOME, ~ and ${a.b} exist, so nothing was left for Prefect to expand.
        auto entries = ConfigTomlFile::readSecrets(
            after.value(), QStringLiteral("config.toml"),
            PrefectEnvironment::fromMap({{QStringLiteral("HOME"), QStringLiteral("/h")}},
                                        QStringLiteral("/h")));
        QVERIFY(entries.ok());
        for (const PrefectTomlChange &change : changes) {
            const auto entry =
                std::find_if(entries->begin(), entries->end(),
                             [&](const PrefectSecretEntry &e) { return e.name == change.name.toString(); });
            QCOMPARE(entry != entries->end(), change.value.has_value());
            if (change.value)
                QVERIFY2(entry->value && *entry->value == *change.value, qPrintable(change.name.toString()));
        }
        QJsonObject set;
        QJsonArray remove;
        for (const PrefectTomlChange &change : changes) {
            if (change.value)
                set.insert(change.name.toString(),
                           QString::fromUtf8(PrefectCodec::encodeToml(*change.value).value()));
            else
                remove << change.name.toString();
        }
        cases << QJsonObject{{QStringLiteral("before"), QString::fromUtf8(before)},
                             {QStringLiteral("after"), QString::fromUtf8(after.value())},
                             {QStringLiteral("set"), set},
                             {QStringLiteral("remove"), remove}};
    };
    const auto golden = QJsonDocument::fromJson(readAll(dataDir() + QStringLiteral("cases.json")))
                            .object()
                            .value(QStringLiteral("cases"))
                            .toArray();
    for (const auto &c : golden) {
        const QJsonObject o = c.toObject();
        QList<PrefectTomlChange> changes;
        const QJsonObject set = o.value(QStringLiteral("set")).toObject();
        for (auto it = set.begin(); it != set.end(); ++it)
            changes << setting(it.key(), valueOf(it.value()));
        for (const auto &r : o.value(QStringLiteral("remove")).toArray())
            changes << PrefectTomlChange{SecretName::parse(r.toString()).value(), std::nullopt};
        add(readAll(dataDir() + o.value(QStringLiteral("case")).toString() + QStringLiteral(".before.toml")),
            changes);
    }
    QRandomGenerator random(3003);
    for (int i = 0; i < 500; ++i) {
        const RandomEdit edit = randomEdit(random);
        add(edit.before, edit.changes);
    }

    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {qEnvironmentVariable("SECRETDESK_SOURCE_DIR") +
                  QStringLiteral("/tests/prefect/reference/toml010_reference.py")});
    QVERIFY(python.waitForStarted());
    python.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(120000));
    QCOMPARE(python.exitCode(), 0);
    const QJsonArray verdicts = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    QCOMPARE(verdicts.size(), cases.size());
    for (int i = 0; i < verdicts.size(); ++i) {
        const QJsonObject verdict = verdicts[i].toObject();
        if (!verdict.value(QStringLiteral("ok")).toBool()) {
            qWarning().noquote() << "case" << i << "before:\n"
                                 << cases[i].toObject().value(QStringLiteral("before")).toString()
                                 << "\nafter:\n"
                                 << cases[i].toObject().value(QStringLiteral("after")).toString();
            QFAIL(qPrintable(verdict.value(QStringLiteral("problem")).toString()));
        }
    }
}

void TestConfigTomlEditor::refusesWhatItCannotEditSafely_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("invalid escape") << QByteArray(
                                           "[cloud]\napi = \"x\"\n[context.secrets]\nP = \"C:\\path\"\n")
                                    << QStringLiteral("PREFECT041") << 4 << 9;
    QTest::newRow("unclosed string") << QByteArray("a = 1\nb = \"open\n") << QStringLiteral("PREFECT041") << 2
                                     << 10;
    QTest::newRow("mixed array (toml 0.10)")
        << QByteArray("[context]\nx = [\"a\", 1]\n") << QStringLiteral("PREFECT042") << 2 << 5;
    QTest::newRow("comma in inline key (toml 0.10)")
        << QByteArray("[context.secrets]\nX = { \"a,b\" = \"1\" }\n") << QStringLiteral("PREFECT042") << 2
        << 7;
    QTest::newRow("multi-line string in a CRLF file (toml 0.10 loses the file)")
        << QByteArray("[cloud]\r\nnote = '''\r\ntwo\r\nlines'''\r\n") << QStringLiteral("PREFECT042") << 2
        << 8;
    QTest::newRow("secrets inline in [context]")
        << QByteArray("[context]\nsecrets = { A = \"1\" }\n") << QStringLiteral("PREFECT044") << 2 << 0;
    QTest::newRow("context inline at root")
        << QByteArray("context = { secrets = { A = \"1\" } }\n") << QStringLiteral("PREFECT044") << 1 << 0;
    QTest::newRow("secrets not a table")
        << QByteArray("[context]\nsecrets = \"x\"\n") << QStringLiteral("PREFECT043") << 0 << 0;
}

void TestConfigTomlEditor::refusesWhatItCannotEditSafely()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    auto result = ConfigTomlEditor::apply(
        text, {setting(QStringLiteral("TOKEN"), SecretValue::fromString(QStringLiteral("v")))},
        QStringLiteral("config.toml"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().location.file, QStringLiteral("config.toml"));
    QCOMPARE(result.error().location.line, line);
    QCOMPARE(result.error().location.column, column);
    QVERIFY(!result.error().message.contains(QStringLiteral("path"))); // no excerpt of the value
}

void TestConfigTomlEditor::removingTheLastSecretLeavesTheRest()
{
    const QByteArray before = "[cloud]\napi = \"x\"\n\n[context.secrets.AWS]\nA = \"1\"\n";
    auto after = ConfigTomlEditor::apply(
        before, {PrefectTomlChange{SecretName::parse(QStringLiteral("AWS")).value(), std::nullopt}},
        QStringLiteral("c.toml"));
    QVERIFY(after.ok());
    QCOMPARE(after.value(), QByteArray("[cloud]\napi = \"x\"\n\n"));
}

void TestConfigTomlEditor::laterChangesWin()
{
    const SecretName name = SecretName::parse(QStringLiteral("A")).value();
    const QByteArray before = "[context.secrets]\nB = \"b\"\n";
    auto removed =
        ConfigTomlEditor::apply(before,
                                {setting(QStringLiteral("A"), SecretValue::fromString(QStringLiteral("x"))),
                                 PrefectTomlChange{name, std::nullopt}},
                                QStringLiteral("c.toml"));
    QVERIFY(removed.ok());
    QCOMPARE(removed.value(), before);
    auto second =
        ConfigTomlEditor::apply(before,
                                {setting(QStringLiteral("A"), SecretValue::fromString(QStringLiteral("x"))),
                                 setting(QStringLiteral("A"), SecretValue::fromString(QStringLiteral("y")))},
                                QStringLiteral("c.toml"));
    QVERIFY(second.ok());
    QCOMPARE(second.value(),
             before + "A = " +
                 PrefectCodec::encodeToml(SecretValue::fromString(QStringLiteral("y"))).value() + "\n");
}

void TestConfigTomlEditor::tableTextForExport()
{
    const SecretValue value = SecretValue::fromString(QStringLiteral("123"));
    auto text = ConfigTomlEditor::tableText({{SecretName::parse(QStringLiteral("A")).value(), value}});
    QVERIFY(text.ok());
    QCOMPARE(text.value(), "[context.secrets]\nA = " + PrefectCodec::encodeToml(value).value() + "\n");
    auto bad = ConfigTomlEditor::tableText(
        {{SecretName::parse(QStringLiteral("A")).value(), SecretValue::fromString(QString(QChar(0xD800)))}});
    Q_UNUSED(bad); // a lone surrogate becomes U+FFFD in UTF-8: refusal or not, the call must not crash
}

void TestConfigTomlEditor::writesAtomicallyWithBackupAndPrivateMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    const QByteArray before = "# mine\n[cloud]\napi = \"x\"\n";
    writeAll(path, before);
    QFile::setPermissions(path, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther);

    const Status status = ConfigTomlEditor::applyToFile(
        path, {setting(QStringLiteral("TOKEN"), SecretValue::fromString(QStringLiteral("generated-value")))});
    QVERIFY2(status.ok(), qPrintable(status.error().toString()));
    QCOMPARE(readAll(path + QStringLiteral(".bak")), before);
    QVERIFY(readAll(path).startsWith(before));
    QCOMPARE(modeOf(path), ownerOnly);
    QCOMPARE(modeOf(path + QStringLiteral(".bak")), ownerOnly);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporary file left behind

    auto entries = ConfigTomlFile::readSecretsFile(path, PrefectEnvironment::fromMap({}, dir.path()));
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1);
    QVERIFY(*entries->front().value == SecretValue::fromString(QStringLiteral("generated-value")));
}

void TestConfigTomlEditor::createsMissingFolderAndFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral(".prefect/config.toml"));
    QVERIFY(ConfigTomlEditor::applyToFile(
                path, {setting(QStringLiteral("A"), SecretValue::fromString(QStringLiteral("b")))})
                .ok());
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    QCOMPARE(modeOf(path), ownerOnly);
    QVERIFY(readAll(path).startsWith("[context.secrets]\nA = "));
}

void TestConfigTomlEditor::failedBackupLeavesFileAsItWas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    const QByteArray before = "[context.secrets]\nA = \"old\"\n";
    writeAll(path, before);
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("config.toml.bak"))); // the backup cannot be written
    const Status status = ConfigTomlEditor::applyToFile(
        path, {setting(QStringLiteral("A"), SecretValue::fromString(QStringLiteral("new")))});
    QVERIFY(!status.ok());
    QCOMPARE(status.error().failure, Failure::Io);
    QCOMPARE(status.error().code, QStringLiteral("PREFECT047"));
    QCOMPARE(readAll(path), before);
}

void TestConfigTomlEditor::invalidFileIsNeverTouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    const QByteArray before = "[context.secrets]\nA = \"C:\\path\"\n";
    writeAll(path, before);
    const Status status = ConfigTomlEditor::applyToFile(
        path, {setting(QStringLiteral("B"), SecretValue::fromString(QStringLiteral("x")))});
    QVERIFY(!status.ok());
    QCOMPARE(status.error().location.toString(), path + QStringLiteral(":2:9"));
    QCOMPARE(readAll(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
}

QTEST_GUILESS_MAIN(TestConfigTomlEditor)
#include "tst_configtomleditor.moc"
