// What the fuzzers found in core/prefect (docs/FUZZING.md, Findings), one row each, so that each
// stays fixed in the normal test command. The reproducers are also seeds in tests/fuzz/corpus.
#include "core/model/SecretValue.h"
#include "core/prefect/ConfigTomlFile.h"
#include "core/prefect/ConfigTomlLayout.h"
#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PythonLiteral.h"

#include <QtTest>

using namespace secretdesk;

class TestPrefectFuzzFindings : public QObject {
    Q_OBJECT

private slots:
    // A name longer than a string prefix, right before a quote, inside brackets: Python's syntax
    // error (Prefect keeps the text). The parser read an empty optional and returned '' or b''.
    void nameBeforeQuoteIsRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("list") << QStringLiteral("[value'x']");
        QTest::newRow("tuple") << QStringLiteral("(abcd\"x\", 1)");
        QTest::newRow("dict value") << QStringLiteral("{1: name'x'}");
    }

    void nameBeforeQuoteIsRejected()
    {
        QFETCH(QString, text);
        QCOMPARE(PythonLiteral::literalEval(text).outcome, PythonLiteral::Outcome::Rejected);
        const auto reading = PrefectCodec::decodeEnv(text.toUtf8(), PrefectEnvironment::fromMap({}, {}));
        QVERIFY(reading.ok());
        QVERIFY(reading->context.isStr());
        QCOMPARE(reading->context.text(), text);
    }

    // A value starting with U+FEFF: QString::fromUtf8 drops it as a byte order mark, and the codec
    // wrote "" for "\uFEFF" (the fuzzer's input was two BOMs, as UTF-8).
    void leadingByteOrderMarkSurvivesTheCodec_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("one") << QString(QChar(0xFEFF));
        QTest::newRow("two") << QString(2, QChar(0xFEFF));
        QTest::newRow("before text") << QString(QChar(0xFEFF)) + QStringLiteral("made-up ${x}");
    }

    void leadingByteOrderMarkSurvivesTheCodec()
    {
        QFETCH(QString, text);
        const SecretValue value = SecretValue::fromUtf8(text.toUtf8()).value();
        const PrefectEnvironment world = PrefectEnvironment::fromMap({}, {});
        const auto env = PrefectCodec::encodeEnv(value);
        const auto toml = PrefectCodec::encodeToml(value);
        QVERIFY(env.ok() && toml.ok());
        for (const auto &reading :
             {PrefectCodec::decodeEnv(env.value(), world), PrefectCodec::decodeToml(toml.value(), world)}) {
            QVERIFY(reading.ok());
            QVERIFY(reading->secretGet.isStr());
            QCOMPARE(reading->secretGet.text(), text);
            QVERIFY(reading->secretGet.toSecretValue().value() == value);
        }
    }

    // toml++ quotes the text it fails on; the diagnostic must not (it may be a secret's value).
    void tomlValueErrorsDoNotQuoteTheValue_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("integer out of range") << QByteArray("6666666666666666666666666666000");
        QTest::newRow("bad escape") << QByteArray("\"made-up-value\\qmade-up-value\"");
        QTest::newRow("fuzzer's find") << QByteArray("6666666666666666666666666666_000, TU]");
    }

    void tomlValueErrorsDoNotQuoteTheValue()
    {
        QFETCH(QByteArray, text);
        const auto reading = PrefectCodec::decodeToml(text, PrefectEnvironment::fromMap({}, {}));
        QVERIFY(!reading.ok());
        QCOMPARE(reading.error().code, QStringLiteral("PREFECT023"));
        QVERIFY(!reading.error().message.contains(QStringLiteral("66666666")));
        QVERIFY(!reading.error().message.contains(QStringLiteral("made-up")));
        const auto document = ConfigTomlFile::parseDocument("[context.secrets]\nA = " + text + "\n",
                                                            QStringLiteral("config.toml"));
        QVERIFY(!document.ok());
        QVERIFY(!document.error().message.contains(QStringLiteral("66666666")));
        QVERIFY(!document.error().message.contains(QStringLiteral("made-up")));
    }

    // Broken values in a CRLF file: the layout pass (run before the TOML parser to find CRLF
    // multi-line strings) looped forever on a character no value or key starts with.
    void strayBracketsEndTheLayout_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("array with a brace") << QByteArray("a = [}\r\n");
        QTest::newRow("inline table with a bracket") << QByteArray("[context.secrets]\r\nA = {]\r\n");
        QTest::newRow("nested") << QByteArray("a = [[ {] ,}, ]\r\nb = 1\r\n");
    }

    void strayBracketsEndTheLayout()
    {
        QFETCH(QByteArray, text);
        const ConfigTomlLayout layout(text);
        QVERIFY(!layout.statements().empty());
        const auto document = ConfigTomlFile::parseDocument(text, QStringLiteral("config.toml"));
        QVERIFY(!document.ok());
        QCOMPARE(document.error().code, QStringLiteral("PREFECT041"));
        QVERIFY(document.error().location.line >= 1);
    }
};

QTEST_GUILESS_MAIN(TestPrefectFuzzFindings)
#include "tst_prefectfuzzfindings.moc"
