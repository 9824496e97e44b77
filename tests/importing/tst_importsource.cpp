#include "core/importing/ImportSource.h"
#include "tests/support/TempHome.h"

#include <QFile>
#include <QTest>

using namespace secretdesk;

// Reading each kind of source: which secrets are found, and how a broken file is refused with its place.
class TestImportSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEachSource_data();
    void readsEachSource();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
    void defaultConfigPathFollowsPrefect();

private:
    QString write(const QString &name, const QByteArray &bytes);
    test::TempHome m_home;
};

QString TestImportSource::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_home.path() + QLatin1Char('/') + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
    return path;
}

static QProcessEnvironment environmentOf(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &a : assignments)
        env.insert(a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1));
    return env;
}

void TestImportSource::readsEachSource_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("text"); // file contents, or NAME=value lines of the environment
    QTest::addColumn<QStringList>("plain");
    QTest::addColumn<QStringList>("expected"); // name@line per entry, in order

    QTest::newRow("config.toml") << int(ImportSource::Kind::ConfigToml)
                                 << QByteArray("[cloud]\napi = \"x\"\n[context.secrets]\nA = \"1\"\n"
                                               "B = { K = \"v\" }\n")
                                 << QStringList()
                                 << QStringList{QStringLiteral("A@4"), QStringLiteral("B@5")};
    QTest::newRow("config.toml ignores plain")
        << int(ImportSource::Kind::ConfigToml) << QByteArray("[context.secrets]\nA = \"1\"\n")
        << QStringList{QStringLiteral("A")} << QStringList{QStringLiteral("A@2")};
    QTest::newRow("config.toml without secrets")
        << int(ImportSource::Kind::ConfigToml) << QByteArray("[cloud]\napi = \"x\"\n") << QStringList()
        << QStringList();
    QTest::newRow("env file") << int(ImportSource::Kind::EnvFile)
                              << QByteArray("# c\nexport PREFECT__CONTEXT__SECRETS__A=1\nOTHER=2\nPLAIN=3\n")
                              << QStringList{QStringLiteral("PLAIN")}
                              << QStringList{QStringLiteral("A@2"), QStringLiteral("PLAIN@4")};
    QTest::newRow("environment") << int(ImportSource::Kind::Environment)
                                 << QByteArray("PREFECT__CONTEXT__SECRETS__TOKEN=t\nHOME=/h\nPLAIN=p")
                                 << QStringList{QStringLiteral("PLAIN")}
                                 << QStringList{QStringLiteral("TOKEN@0"), QStringLiteral("PLAIN@0")};
}

void TestImportSource::readsEachSource()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, text);
    QFETCH(QStringList, plain);
    QFETCH(QStringList, expected);

    ImportSource source;
    QProcessEnvironment env;
    if (kind == int(ImportSource::Kind::Environment)) {
        source = ImportSource::environment(plain);
        env = environmentOf(QString::fromUtf8(text).split(QLatin1Char('\n')));
    } else if (kind == int(ImportSource::Kind::EnvFile)) {
        source = ImportSource::envFile(write(QStringLiteral("x.env"), text), plain);
    } else {
        source = ImportSource::configToml(write(QStringLiteral("config.toml"), text));
        source.plainNames = plain;
    }
    const auto found = source.read(env, PrefectEnvironment::fromMap({}, m_home.path()));
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().toString()));
    QStringList got;
    for (const PrefectSecretEntry &e : *found) {
        got.append(e.name + QLatin1Char('@') + QString::number(e.location.line));
        QVERIFY(e.importable());
        if (kind != int(ImportSource::Kind::Environment))
            QCOMPARE(e.location.file, source.path);
    }
    QCOMPARE(got, expected);
}

void TestImportSource::refusesBrokenFiles_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("text"); // empty: the file does not exist
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");

    QTest::newRow("missing env file")
        << int(ImportSource::Kind::EnvFile) << QByteArray() << QStringLiteral("IMPORT001") << 0;
    QTest::newRow("missing config.toml")
        << int(ImportSource::Kind::ConfigToml) << QByteArray() << QStringLiteral("PREFECT040") << 0;
    QTest::newRow("invalid toml") << int(ImportSource::Kind::ConfigToml)
                                  << QByteArray("[context.secrets]\nA = \"1\"\nB = = 2\n")
                                  << QStringLiteral("PREFECT041") << 3;
    QTest::newRow("dotenv statement skipped")
        << int(ImportSource::Kind::EnvFile) << QByteArray("PREFECT__CONTEXT__SECRETS__A=1\nB='open\n")
        << QStringLiteral("DOTENV001") << 2;
}

void TestImportSource::refusesBrokenFiles()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);

    const QString name = QStringLiteral("broken-%1")
                             .arg(QLatin1String(QTest::currentDataTag()))
                             .replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString path = text.isEmpty() ? m_home.path() + QStringLiteral("/absent") : write(name, text);
    const ImportSource source = kind == int(ImportSource::Kind::EnvFile) ? ImportSource::envFile(path)
                                                                         : ImportSource::configToml(path);
    const auto found = source.read(QProcessEnvironment(), PrefectEnvironment::fromMap({}, m_home.path()));
    QVERIFY(!found.ok());
    QCOMPARE(found.error().code, code);
    QCOMPARE(found.error().location.line, line);
    QCOMPARE(found.error().location.file, path);
}

void TestImportSource::defaultConfigPathFollowsPrefect()
{
    const QString home = m_home.path();
    QCOMPARE(ImportSource::configToml().effectivePath(PrefectEnvironment::fromMap({}, home)),
             home + QStringLiteral("/.prefect/config.toml"));
    const auto world = PrefectEnvironment::fromMap(
        {{QStringLiteral("PREFECT__USER_CONFIG_PATH"), QStringLiteral("/elsewhere/c.toml")}}, home);
    QCOMPARE(ImportSource::configToml().effectivePath(world), QStringLiteral("/elsewhere/c.toml"));
    QCOMPARE(ImportSource::configToml(QStringLiteral("/given.toml")).effectivePath(world),
             QStringLiteral("/given.toml"));
    QVERIFY(ImportSource::environment().effectivePath(world).isEmpty());
}

QTEST_GUILESS_MAIN(TestImportSource)
#include "tst_importsource.moc"
