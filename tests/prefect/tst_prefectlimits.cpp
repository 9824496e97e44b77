// The limits on hostile input to the Prefect readers (docs/FUZZING.md): import file size, TOML
// nesting, Python literal nesting. Each limit ends in a clear diagnostic (or Python's own answer),
// never a crash or a read of the whole file.
#include "core/prefect/ConfigTomlEditor.h"
#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/DotenvParser.h"
#include "core/prefect/ImportFileLimit.h"
#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PythonJson.h"
#include "core/prefect/PythonLiteral.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace secretdesk;

class TestPrefectLimits : public QObject {
    Q_OBJECT

private:
    static PrefectEnvironment world()
    {
        return PrefectEnvironment::fromMap({{QStringLiteral("HOME"), QStringLiteral("/home/me")}},
                                           QStringLiteral("/home/me"));
    }
    // A sparse file of `size` bytes (no disk space used), ending in a valid line.
    static QString sparseFile(const QTemporaryDir &dir, const QString &name, qint64 size)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.resize(size - 6) || !file.seek(size - 6) ||
            file.write("A = 1\n") != 6)
            return {};
        return path;
    }

private slots:
    void hugeFileIsRefusedBySize()
    {
        QTemporaryDir dir;
        const QString path = sparseFile(dir, QStringLiteral("big.env"), 200LL * 1024 * 1024);
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto text = ImportFileLimit::readAll(file);
        QVERIFY(!text.ok());
        QCOMPARE(text.error().code, QStringLiteral("PREFECT060"));
        QCOMPARE(text.error().location.file, path);
        QVERIFY(text.error().message.contains(QStringLiteral("209715200 bytes")));
        QVERIFY(text.error().message.contains(QStringLiteral("16 MiB")));
        QCOMPARE(file.pos(), 0); // refused by its size: nothing was read
    }

    void fileAtTheLimitIsRead()
    {
        QTemporaryDir dir;
        const QString path = sparseFile(dir, QStringLiteral("limit.env"), ImportFileLimit::MaxBytes);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto text = ImportFileLimit::readAll(file);
        QVERIFY(text.ok());
        QCOMPARE(text->size(), ImportFileLimit::MaxBytes);
    }

    void endlessStreamStopsAtTheLimit()
    {
        // A character device has no size: the reader stops one byte past the cap.
        QFile zero(QStringLiteral("/dev/zero"));
        QVERIFY(zero.open(QIODevice::ReadOnly));
        QVERIFY(zero.isSequential());
        const auto text = ImportFileLimit::readAll(zero);
        QVERIFY(!text.ok());
        QCOMPARE(text.error().code, QStringLiteral("PREFECT060"));
        QVERIFY(text.error().message.contains(
            QStringLiteral("more than %1 bytes").arg(ImportFileLimit::MaxBytes)));
    }

    void hugeConfigTomlIsRefused()
    {
        QTemporaryDir dir;
        const QString path = sparseFile(dir, QStringLiteral("config.toml"), 200LL * 1024 * 1024);
        const auto read = ConfigTomlFile::readSecretsFile(path, world());
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("PREFECT060"));
        QCOMPARE(read.error().location.file, path);
    }

    void hugeConfigTomlIsNotEdited()
    {
        QTemporaryDir dir;
        const QString path = sparseFile(dir, QStringLiteral("config.toml"), 200LL * 1024 * 1024);
        const PrefectTomlChange change{SecretName::parse(QStringLiteral("A")).value(),
                                       SecretValue::fromString(QStringLiteral("made-up"))};
        const Status status = ConfigTomlEditor::applyToFile(path, {change});
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("PREFECT060"));
        QCOMPARE(QFileInfo(path).size(), 200LL * 1024 * 1024); // left as it was
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    }

    void textsOverTheLimitAreRefused()
    {
        const QByteArray text(ImportFileLimit::MaxBytes + 1, '#');
        const auto document = ConfigTomlFile::parseDocument(text, QStringLiteral("config.toml"));
        QVERIFY(!document.ok());
        QCOMPARE(document.error().code, QStringLiteral("PREFECT060"));
        const DotenvParser::Parsed parsed = DotenvParser::parse(text, QStringLiteral(".env"));
        QVERIFY(parsed.assignments.isEmpty());
        QCOMPARE(parsed.warnings.size(), 1);
        QCOMPARE(parsed.warnings.first().code, QStringLiteral("PREFECT060"));
        QCOMPARE(parsed.warnings.first().location.file, QStringLiteral(".env"));
    }

    void tomlNesting_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code"); // empty: read
        QTest::addColumn<int>("line");
        const auto header = [](int depth) {
            QByteArrayList keys(depth, "k");
            return "# deep\n[" + keys.join('.') + "]\nv = 1\n";
        };
        QTest::newRow("header at the limit") << header(ConfigTomlFile::MaxNesting - 1) << QString() << 0;
        QTest::newRow("header past the limit")
            << header(ConfigTomlFile::MaxNesting) << QStringLiteral("PREFECT061") << 2;
        QTest::newRow("10,000 dotted keys") << header(10000) << QStringLiteral("PREFECT061") << 2;
        QTest::newRow("10,000 nested arrays")
            << QByteArray("a = " + QByteArray(10000, '[') + QByteArray(10000, ']') + "\n")
            << QStringLiteral("PREFECT041") << 1;
        QTest::newRow("10,000 nested inline tables")
            << QByteArray("a = " + QByteArray(10000, '{').replace("{", "{b=") + "\n")
            << QStringLiteral("PREFECT041") << 1;
    }

    void tomlNesting()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        const auto document = ConfigTomlFile::parseDocument(text, QStringLiteral("config.toml"));
        QCOMPARE(document.ok(), code.isEmpty());
        if (!document.ok()) {
            QCOMPARE(document.error().code, code);
            QCOMPARE(document.error().location.file, QStringLiteral("config.toml"));
            QCOMPARE(document.error().location.line, line);
            QVERIFY(document.error().location.column >= 1);
        }
    }

    void tomlValueNesting()
    {
        // [context.secrets] values: dotted keys in an inline table nest without toml++'s own limit.
        QByteArrayList keys(1000, "k");
        const auto reading = PrefectCodec::decodeToml("{ " + keys.join('.') + " = 1 }", world());
        QVERIFY(!reading.ok());
        QCOMPARE(reading.error().code, QStringLiteral("PREFECT061"));
        QVERIFY(reading.error().message.contains(QString::number(ConfigTomlFile::MaxNesting)));
    }

    void pythonLiteralNesting_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("199 lists") << 199 << true;
        QTest::newRow("200 lists (CPython's limit)") << 200 << false;
        QTest::newRow("10,000 lists") << 10000 << false;
        QTest::newRow("1,000,000 lists") << 1000000 << false;
    }

    void pythonLiteralNesting()
    {
        QFETCH(int, depth);
        QFETCH(bool, accepted);
        const QString text = QString(depth, QLatin1Char('[')) + QString(depth, QLatin1Char(']'));
        const PythonLiteral::Evaluation evaluation = PythonLiteral::literalEval(text);
        QCOMPARE(evaluation.outcome == PythonLiteral::Outcome::Value, accepted);
        if (!accepted)
            QCOMPARE(evaluation.outcome, PythonLiteral::Outcome::Rejected);
    }

    void deepEnvValueStaysText()
    {
        // literal_eval fails on it, so Prefect keeps the text; json.loads fails too (RecursionError).
        const QByteArray text = QByteArray(10000, '[') + QByteArray(10000, ']');
        QVERIFY(!PythonJson::parses(QString::fromLatin1(text)));
        const auto reading = PrefectCodec::decodeEnv(text, world());
        QVERIFY(reading.ok());
        QVERIFY(reading->context.isStr());
        QCOMPARE(reading->context.text(), QString::fromLatin1(text));
        QVERIFY(reading->secretGet.isStr());
    }
};

QTEST_GUILESS_MAIN(TestPrefectLimits)
#include "tst_prefectlimits.moc"
