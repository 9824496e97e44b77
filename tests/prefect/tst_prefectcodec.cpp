#include "PrefectCorpus.h"
#include "PrefectSamples.h"

#include "core/prefect/PrefectCodec.h"
#include "core/prefect/PrefectPipeline.h"

#include <QTest>

using namespace secretdesk;

// The codec against its golden corpus, Prefect's pitfalls on naive texts, and the round-trip
// property decode(encode(v)) == v over generated values. tst_prefectreference checks the same
// texts against real Python.
class TestPrefectCodec : public QObject {
    Q_OBJECT

private:
    // A machine with a home folder and a few variables that the pitfall values name.
    static PrefectEnvironment someMachine()
    {
        return PrefectEnvironment::fromMap({{QStringLiteral("HOME"), QStringLiteral("/home/me")},
                                            {QStringLiteral("x"), QStringLiteral("X")},
                                            {QStringLiteral("word"), QStringLiteral("W")}},
                                           QStringLiteral("/home/me"));
    }

    static void checkRoundTrip(const SecretValue &value, const PrefectEnvironment &world)
    {
        const auto env = PrefectCodec::encodeEnv(value);
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().toString()));
        const auto toml = PrefectCodec::encodeToml(value);
        QVERIFY2(toml.ok(), qPrintable(toml.ok() ? QString() : toml.error().toString()));
        for (const auto &reading :
             {PrefectCodec::decodeEnv(env.value(), world), PrefectCodec::decodeToml(toml.value(), world)}) {
            QVERIFY2(reading.ok(), qPrintable(reading.ok() ? QString() : reading.error().toString()));
            QCOMPARE(reading->context.canonical(), PrefectCodec::contextTarget(value).canonical());
            QCOMPARE(reading->secretGet.canonical(), PrefectCodec::secretGetTarget(value).canonical());
            const auto back = reading->secretGet.toSecretValue();
            QVERIFY(back.ok());
            QVERIFY2(back.value() == value,
                     qPrintable(QString::fromUtf8(back.value().utf8()) + QStringLiteral(" <> ") +
                                QString::fromUtf8(value.utf8())));
        }
    }

private slots:
    void corpus_data()
    {
        QTest::addColumn<QJsonObject>("entry");
        for (const auto &item : PrefectCorpus::load(QStringLiteral("codec-corpus.json"))) {
            const QJsonObject entry = item.toObject();
            QTest::newRow(qPrintable(entry.value(QStringLiteral("name")).toString())) << entry;
        }
    }

    void corpus()
    {
        QFETCH(QJsonObject, entry);
        const SecretValue value = PrefectCorpus::storedValue(entry);
        const auto env = PrefectCodec::encodeEnv(value);
        const auto toml = PrefectCodec::encodeToml(value);
        QVERIFY(env.ok() && toml.ok());
        QCOMPARE(QString::fromUtf8(env.value()), entry.value(QStringLiteral("env")).toString());
        QCOMPARE(QString::fromUtf8(toml.value()), entry.value(QStringLiteral("toml")).toString());
        for (const auto &reading : {PrefectCodec::decodeEnv(env.value(), someMachine()),
                                    PrefectCodec::decodeToml(toml.value(), someMachine())}) {
            QVERIFY(reading.ok());
            QCOMPARE(reading->context.toPythonRepr(), entry.value(QStringLiteral("context")).toString());
            QCOMPARE(reading->secretGet.toPythonRepr(), entry.value(QStringLiteral("get")).toString());
        }
        QCOMPARE(PrefectCodec::contextHoldsValue(value),
                 entry.value(QStringLiteral("context_holds_value")).toBool());
    }

    // What Prefect makes of the naive texts: the reason the codec exists.
    void naivePitfalls_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("yields");
        for (const auto &item : PrefectCorpus::load(QStringLiteral("codec-corpus.json"))) {
            const QJsonObject entry = item.toObject();
            const QJsonObject naive = entry.value(QStringLiteral("naive")).toObject();
            if (naive.isEmpty())
                continue;
            const QString name = entry.value(QStringLiteral("name")).toString();
            const QString text = entry.value(QStringLiteral("value")).toString();
            QTest::newRow(qPrintable(name + QStringLiteral(" env")))
                << QStringLiteral("env") << text << naive.value(QStringLiteral("env")).toString();
            if (naive.contains(QStringLiteral("toml"))) {
                QTest::newRow(qPrintable(name + QStringLiteral(" toml")))
                    << QStringLiteral("toml") << naive.value(QStringLiteral("toml_text")).toString()
                    << naive.value(QStringLiteral("toml")).toString();
            }
        }
    }

    void naivePitfalls()
    {
        QFETCH(QString, mode);
        QFETCH(QString, text);
        QFETCH(QString, yields);
        // Naive env sets the value as it is; naive TOML writes it as a quoted string (json.dumps).
        const auto reading = mode == QLatin1String("env")
                                 ? PrefectCodec::decodeEnv(text.toUtf8(), someMachine())
                                 : PrefectCodec::decodeToml(text.toUtf8(), someMachine());
        const QString got = reading.ok() ? reading->secretGet.toPythonRepr() : reading.error().code;
        QCOMPARE(got, yields);
    }

    void literalEval_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        int i = 0;
        for (const auto &item : PrefectCorpus::load(QStringLiteral("literal-corpus.json"))) {
            const QJsonObject entry = item.toObject();
            QTest::addRow("%d", i++) << entry.value(QStringLiteral("text")).toString()
                                     << (entry.value(QStringLiteral("unsupported")).toBool()
                                             ? QStringLiteral("PREFECT021")
                                             : entry.value(QStringLiteral("value")).toString());
        }
    }

    // string_to_type (TRUE/FALSE, then ast.literal_eval) against answers recorded from Python 3.11.
    void literalEval()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto typed = PrefectPipeline::stringToType(text);
        QCOMPARE(typed.ok() ? typed.value().canonical() : typed.error().code, expected);
    }

    void roundTripProperty()
    {
        PrefectSamples samples(20261129);
        for (const SecretValue &value : samples.take(10000)) {
            checkRoundTrip(value, someMachine());
            if (QTest::currentTestFailed())
                return;
        }
    }

    void encodedTextHoldsWhereverEverythingIsDefined()
    {
        PrefectSamples samples(7);
        for (const SecretValue &value : samples.take(500)) {
            checkRoundTrip(value, PrefectEnvironment::everythingDefined());
            if (QTest::currentTestFailed())
                return;
        }
    }

    void envTextIsAscii()
    {
        const auto env =
            PrefectCodec::encodeEnv(SecretValue::fromString(QStringLiteral("caf\u00e9 \U0001F511")));
        QVERIFY(env.ok());
        QCOMPARE(env.value(), QByteArray("caf\\xe9 \\U0001f511"));
    }

    void nulTravelsEscaped()
    {
        checkRoundTrip(SecretValue::fromString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")),
                       someMachine());
    }

    void decodeReportsLoadFailures_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("lone trailing backslash") << QByteArray("abc\\") << QStringLiteral("PREFECT020");
        QTest::newRow("truncated \\x") << QByteArray("\\x4") << QStringLiteral("PREFECT020");
        QTest::newRow("named escape") << QByteArray("\\N{BULLET}") << QStringLiteral("PREFECT021");
    }

    void decodeReportsLoadFailures()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        const auto reading = PrefectCodec::decodeEnv(text, someMachine());
        QVERIFY(!reading.ok());
        QCOMPARE(reading.error().code, code);
    }

    void tomlDecodeFollowsTheOldTomlPackage_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("result");
        QTest::newRow("int and float") << QByteArray("[1, 2.0]") << QStringLiteral("PREFECT020");
        QTest::newRow("str and int") << QByteArray("[\"a\", 1]") << QStringLiteral("PREFECT020");
        QTest::newRow("table and int") << QByteArray("[{a = 1}, 1]") << QStringLiteral("PREFECT021");
        QTest::newRow("nested arrays") << QByteArray("[[1], [\"a\"]]") << QStringLiteral("[[1], ['a']]");
        QTest::newRow("one escaped quote") << QByteArray("\"\\\"\"") << QStringLiteral("PREFECT021");
        QTest::newRow("string leaf typed")
            << QByteArray("{ PIN = \"1234\" }") << QStringLiteral("{'PIN': 1234}");
    }

    // Arrays toml 0.10 refuses or misreads, checked against Python when this table was written.
    void tomlDecodeFollowsTheOldTomlPackage()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, result);
        const auto reading = PrefectCodec::decodeToml(text, someMachine());
        QCOMPARE(reading.ok() ? reading->context.toPythonRepr() : reading.error().code, result);
    }

    void emptyTableVanishes()
    {
        const auto reading = PrefectCodec::decodeToml("{}", someMachine());
        QVERIFY(!reading.ok());
        QCOMPARE(reading.error().failure, Failure::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestPrefectCodec)
#include "tst_prefectcodec.moc"
