// Every rule against tests/data/validators/cases.json: each case is a document (built from a
// base with edits, or raw text) and the exact set of codes it must produce. Secret material is
// generated at run time by TestMaterial.
#include "TestMaterial.h"

#include "core/model/SecretValue.h"
#include "core/validators/ValidatorRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace secretdesk;

class TestValidatorCorpus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void corpus_data();
    void corpus();
    void everyRuleHasValidAndBrokenCases();

private:
    static QString sourcePath(const QString &relative)
    {
        return qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QLatin1Char('/') + relative;
    }
    QByteArray documentOf(const QJsonObject &testCase);

    ValidatorRegistry m_registry;
    TestMaterial m_material;
    QJsonObject m_bases;
    QJsonArray m_cases;
};

void TestValidatorCorpus::initTestCase()
{
    QFile file(sourcePath(QStringLiteral("tests/data/validators/cases.json")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    m_bases = root.value(QStringLiteral("bases")).toObject();
    m_cases = root.value(QStringLiteral("cases")).toArray();
    QVERIFY(m_cases.size() > 100);
}

QByteArray TestValidatorCorpus::documentOf(const QJsonObject &c)
{
    if (c.contains(QStringLiteral("file"))) {
        QFile file(sourcePath(QStringLiteral("tests/data/validators/") +
                              c.value(QStringLiteral("file")).toString()));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    bool json = false;
    for (const KindInfo &k : m_registry.kinds())
        json = json ||
               (k.id == c.value(QStringLiteral("kind")).toString() && k.valueType == SecretValue::Type::Json);
    if (c.contains(QStringLiteral("text")))
        return m_material.expand(c.value(QStringLiteral("text")).toString().toUtf8(), json);
    QJsonObject doc = m_bases.value(c.value(QStringLiteral("base")).toString()).toObject();
    for (const QJsonValue &key : c.value(QStringLiteral("remove")).toArray())
        doc.remove(key.toString());
    const QJsonObject set = c.value(QStringLiteral("set")).toObject();
    for (auto it = set.begin(); it != set.end(); ++it)
        doc.insert(it.key(), it.value());
    const auto format =
        c.value(QStringLiteral("indent")).toBool() ? QJsonDocument::Indented : QJsonDocument::Compact;
    return m_material.expand(QJsonDocument(doc).toJson(format), true);
}

void TestValidatorCorpus::corpus_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("fixCode");
    for (const QJsonValue &value : std::as_const(m_cases)) {
        const QJsonObject c = value.toObject();
        QStringList expected;
        for (const QJsonValue &code : c.value(QStringLiteral("expect")).toArray())
            expected << code.toString();
        QTest::newRow(qPrintable(c.value(QStringLiteral("name")).toString()))
            << c.value(QStringLiteral("kind")).toString() << documentOf(c)
            << c.value(QStringLiteral("stored")).toString() << expected
            << c.value(QStringLiteral("at")).toString() << c.value(QStringLiteral("pointer")).toString()
            << c.value(QStringLiteral("fix")).toString();
    }
}

void TestValidatorCorpus::corpus()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, document);
    QFETCH(QString, stored);
    QFETCH(QStringList, expected);
    QFETCH(QString, at);
    QFETCH(QString, pointer);
    QFETCH(QString, fixCode);

    Findings findings;
    if (stored.isEmpty()) {
        findings = m_registry.validateText(kind, document);
    } else {
        const Result<SecretValue> value = stored == QLatin1String("json") ? SecretValue::fromJson(document)
                                                                          : SecretValue::fromUtf8(document);
        QVERIFY(value.ok());
        findings = m_registry.validate(kind, value.value());
    }
    QStringList codes = findingCodes(findings);
    codes.sort();
    codes.removeDuplicates();
    QCOMPARE(codes, expected);

    for (const Finding &f : findings) {
        const Diagnostic &d = f.diagnostic;
        QVERIFY(d.location.line >= 1 && d.location.column >= 1);
        QVERIFY(!d.message.isEmpty() && !d.message.contains(QLatin1Char('\n')));
        QCOMPARE(d.failure, Failure::InvalidInput);
        // Never a secret in a message or fix: no 8-character run of any generated secret.
        for (const QByteArray &secret : m_material.secrets()) {
            for (qsizetype i = 4; i + 8 <= secret.size(); i += 8) {
                const QString piece = QString::fromUtf8(secret.mid(i, 8));
                QVERIFY2(!d.message.contains(piece) && !d.fix.contains(piece), qPrintable(d.code));
            }
        }
        for (const TextEdit &edit : f.fix.edits)
            QVERIFY(edit.replacement.size() <= 64); // a fix edits structure; it never carries key material
    }

    const auto first = std::find_if(findings.cbegin(), findings.cend(), [&](const Finding &f) {
        return !expected.isEmpty() && f.code() == (fixCode.isEmpty() ? expected.first() : fixCode);
    });
    if (!at.isEmpty()) {
        QVERIFY(first != findings.cend());
        QCOMPARE(QStringLiteral("%1:%2")
                     .arg(first->diagnostic.location.line)
                     .arg(first->diagnostic.location.column),
                 at);
    }
    if (!pointer.isEmpty()) {
        const auto withPointer = std::find_if(findings.cbegin(), findings.cend(), [&](const Finding &f) {
            return f.diagnostic.location.pointer == pointer;
        });
        QVERIFY2(withPointer != findings.cend(), qPrintable(pointer));
    }
    if (!fixCode.isEmpty()) {
        QVERIFY(first != findings.cend());
        QVERIFY(first->fix.isAutomatic());
        QCOMPARE(first->diagnostic.fix, first->fix.description);
        const QByteArray fixed = first->fix.apply(document);
        QVERIFY(fixed != document);
        QVERIFY(!findingCodes(m_registry.validateText(kind, fixed)).contains(fixCode));
    }
}

void TestValidatorCorpus::everyRuleHasValidAndBrokenCases()
{
    QFile doc(sourcePath(QStringLiteral("docs/validation.md")));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    static const QRegularExpression row(QStringLiteral("^\\| `([A-Z0-9]+[0-9]{3})` \\|"),
                                        QRegularExpression::MultilineOption);
    QSet<QString> documented;
    for (auto it = row.globalMatch(QString::fromUtf8(doc.readAll())); it.hasNext();)
        documented << it.next().captured(1);
    QVERIFY(documented.size() > 80);

    QHash<QString, QSet<QString>> failing; // code -> kinds where a case expects it
    for (const QJsonValue &value : std::as_const(m_cases)) {
        const QJsonObject c = value.toObject();
        const QString kind = c.value(QStringLiteral("kind")).toString();
        for (const QJsonValue &code : c.value(QStringLiteral("expect")).toArray()) {
            failing[code.toString()] << kind;
        }
    }
    for (const QString &code : std::as_const(documented)) {
        QVERIFY2(failing.contains(code), qPrintable(code + QStringLiteral(" has no broken case")));
        // A valid case: some case of the same kind that does not produce the code.
        bool valid = false;
        for (const QJsonValue &value : std::as_const(m_cases)) {
            const QJsonObject c = value.toObject();
            if (failing.value(code).contains(c.value(QStringLiteral("kind")).toString()) &&
                !c.value(QStringLiteral("expect")).toArray().contains(QJsonValue(code)))
                valid = true;
        }
        QVERIFY2(valid || code.startsWith(QLatin1String("VAL")),
                 qPrintable(code + QStringLiteral(" has no valid case")));
    }
    for (auto it = failing.cbegin(); it != failing.cend(); ++it)
        QVERIFY2(documented.contains(it.key()),
                 qPrintable(it.key() + QStringLiteral(" is not in docs/validation.md")));
}

QTEST_GUILESS_MAIN(TestValidatorCorpus)
#include "tst_validatorcorpus.moc"
