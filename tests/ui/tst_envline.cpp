#include "ui/EnvLine.h"

#include <QTest>

using namespace secretdesk;

Q_DECLARE_METATYPE(secretdesk::ExportTarget)

// "Copy env line": the variables a secret's target names, POSIX single-quoted.
class TestEnvLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lines_data();
    void lines();
    void nulIsRefused();
};

void TestEnvLine::lines_data()
{
    QTest::addColumn<ExportTarget>("target");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("line");
    QTest::newRow("context") << ExportTarget::Context << QStringLiteral("abc")
                             << QStringLiteral("PREFECT__CONTEXT__SECRETS__TOKEN='abc'");
    QTest::newRow("plain") << ExportTarget::Plain << QStringLiteral("abc") << QStringLiteral("TOKEN='abc'");
    QTest::newRow("both") << ExportTarget::Both << QStringLiteral("abc")
                          << QStringLiteral("PREFECT__CONTEXT__SECRETS__TOKEN='abc'\nTOKEN='abc'");
    QTest::newRow("single quote") << ExportTarget::Plain << QStringLiteral("it's")
                                  << QStringLiteral("TOKEN='it'\\''s'");
    QTest::newRow("dollar and newline stay literal")
        << ExportTarget::Plain << QStringLiteral("$HOME\nx") << QStringLiteral("TOKEN='$HOME\nx'");
}

void TestEnvLine::lines()
{
    QFETCH(ExportTarget, target);
    QFETCH(QString, value);
    QFETCH(QString, line);
    SecretRecord record{*SecretName::parse(QStringLiteral("TOKEN"))};
    record.target = target;
    const Result<QString> built = EnvLine::forSecret(record, SecretValue::fromString(value));
    QVERIFY2(built.ok(), built.ok() ? "" : qPrintable(built.error().toString()));
    QCOMPARE(*built, line);
}

void TestEnvLine::nulIsRefused()
{
    SecretRecord record{*SecretName::parse(QStringLiteral("TOKEN"))};
    record.target = ExportTarget::Plain;
    const Result<QString> built = EnvLine::forSecret(
        record, SecretValue::fromString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")));
    QVERIFY(!built.ok());
    QVERIFY(!built.error().message.contains(QStringLiteral("a\0b")));
}

QTEST_GUILESS_MAIN(TestEnvLine)
#include "tst_envline.moc"
