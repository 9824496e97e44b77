// Golden files per target: tests/data/exporters/golden-input.json rendered by each target must equal
// golden/<id>.out (the accepted entries) and golden/<id>.refusals (one "NAME CODE" line per refused
// entry). PowerShell and cmd cannot be installed here, so they are also checked by decoding their
// output with their quoting rules over the whole corpus. Set SECRETDESK_UPDATE_GOLDEN=1 to rewrite
// the files, then review the diff.
#include "ExportCorpus.h"
#include "core/exporters/CmdExporter.h"
#include "core/exporters/ExporterRegistry.h"
#include "core/exporters/GithubActionsExporter.h"
#include "core/exporters/PowerShellExporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace secretdesk;
using namespace secretdesk::test;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/tests/data/exporters");
}

// PowerShell's reading of one `$env:NAME = piece + piece` line: '...' with '' for ', [char]0xHHHH.
std::optional<QByteArray> decodePowerShell(const QByteArray &line, const QString &name)
{
    const QByteArray prefix = "$env:" + name.toLatin1() + " = ";
    if (!line.startsWith(prefix))
        return std::nullopt;
    QString value;
    qsizetype at = prefix.size();
    for (bool first = true; at < line.size(); first = false) {
        if (!first) {
            if (!line.mid(at).startsWith(" + "))
                return std::nullopt;
            at += 3;
        }
        if (line.at(at) == '\'') {
            for (++at;; ++at) {
                if (at >= line.size())
                    return std::nullopt;
                const char c = line.at(at);
                if (c == '\'' && at + 1 < line.size() && line.at(at + 1) == '\'') {
                    value += QLatin1Char('\'');
                    ++at;
                } else if (c == '\'') {
                    ++at;
                    break;
                } else {
                    value += QLatin1Char(c);
                }
            }
        } else if (line.mid(at).startsWith("[char]0x")) {
            bool ok = false;
            value += QChar(char16_t(line.mid(at + 8, 4).toUShort(&ok, 16)));
            if (!ok)
                return std::nullopt;
            at += 12;
        } else {
            return std::nullopt;
        }
    }
    return value.toUtf8();
}

} // namespace

class TestExporterGolden : public QObject {
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void powerShellDecodesToTheValue();
    void cmdCarriesOnlyInertText();
    void registryKnowsEveryTarget();

private:
    QList<ExportEntry> goldenInput();
};

QList<ExportEntry> TestExporterGolden::goldenInput()
{
    QFile file(dataDir() + QStringLiteral("/golden-input.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<ExportEntry> entries;
    for (const auto &item : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject object = item.toObject();
        entries.append({object.value(QStringLiteral("name")).toString(),
                        object.value(QStringLiteral("value")).toString().toUtf8()});
    }
    return entries;
}

void TestExporterGolden::golden_data()
{
    QTest::addColumn<QString>("target");
    for (const QString &id : ExporterRegistry::withBuiltins().ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestExporterGolden::golden()
{
    QFETCH(QString, target);
    ExporterRegistry registry = ExporterRegistry::withBuiltins();
    registry.add(std::make_shared<GithubActionsExporter>([] { return QByteArrayLiteral("EOF_GOLDEN"); }));
    const Exporter *exporter = registry.find(target);
    QVERIFY(exporter);
    const QList<ExportEntry> input = goldenInput();
    QVERIFY(input.size() >= 25);

    QByteArray refusals;
    QList<ExportEntry> accepted;
    for (const Diagnostic &refusal : exporter->refusals(input))
        refusals += refusal.location.pointer.mid(1).toUtf8() + ' ' + refusal.code.toUtf8() + '\n';
    QSet<QString> seen;
    for (const ExportEntry &entry : input) {
        if (!seen.contains(entry.name) && exporter->check(entry).ok())
            accepted.append(entry);
        seen.insert(entry.name);
    }
    // A single refused entry makes the whole render fail, naming it.
    QVERIFY(!exporter->render(input).ok());
    const Result<QByteArray> text = exporter->render(accepted);
    QVERIFY2(text.ok(), text.ok() ? "" : qPrintable(text.error().message));

    const QString base = dataDir() + QStringLiteral("/golden/") + target;
    if (qEnvironmentVariableIntValue("SECRETDESK_UPDATE_GOLDEN") == 1) {
        QFile out(base + QStringLiteral(".out"));
        QFile refused(base + QStringLiteral(".refusals"));
        QVERIFY(out.open(QIODevice::WriteOnly) && refused.open(QIODevice::WriteOnly));
        out.write(*text);
        refused.write(refusals);
        QSKIP("golden files rewritten");
    }
    QFile expectedText(base + QStringLiteral(".out"));
    QFile expectedRefusals(base + QStringLiteral(".refusals"));
    QVERIFY2(expectedText.open(QIODevice::ReadOnly), qPrintable(expectedText.fileName()));
    QVERIFY2(expectedRefusals.open(QIODevice::ReadOnly), qPrintable(expectedRefusals.fileName()));
    QCOMPARE(*text, expectedText.readAll());
    QCOMPARE(refusals, expectedRefusals.readAll());
}

void TestExporterGolden::powerShellDecodesToTheValue()
{
    PowerShellExporter exporter;
    QList<QByteArray> values = ExportCorpus::standard();
    int accepted = 0;
    for (const QByteArray &value : std::as_const(values)) {
        const ExportEntry entry{QStringLiteral("V"), value};
        if (!exporter.check(entry).ok())
            continue;
        ++accepted;
        const QByteArray text = *exporter.render({entry});
        QVERIFY(text.endsWith('\n'));
        const QByteArray line = text.chopped(1);
        // Printable ASCII only: no curly quote, line break or code-page-dependent byte reaches the file.
        const bool ascii =
            std::all_of(line.cbegin(), line.cend(), [](char c) { return c >= 0x20 && c < 0x7F; });
        if (!ascii)
            QFAIL(qPrintable(ExportCorpus::describe(value)));
        const std::optional<QByteArray> decoded = decodePowerShell(line, entry.name);
        if (!decoded || *decoded != value)
            QFAIL(qPrintable(ExportCorpus::describe(value)));
    }
    qInfo("powershell: %d accepted, %lld refused", accepted, values.size() - accepted);
    QVERIFY(accepted > 2500);
    QCOMPARE(*exporter.render({{QStringLiteral("Q"), "\xe2\x80\x99; calc; \xe2\x80\x98'"}}),
             QByteArray("$env:Q = '' + [char]0x2019 + '; calc; ' + [char]0x2018 + ''''\n"));
}

void TestExporterGolden::cmdCarriesOnlyInertText()
{
    CmdExporter exporter;
    const QList<QByteArray> values = ExportCorpus::standard();
    static const QRegularExpression line(
        QStringLiteral("^@set \"([A-Za-z_][A-Za-z0-9_]*)=([^\"%!\\r\\n]*)\"\\r\\n$"));
    int accepted = 0;
    for (const QByteArray &value : values) {
        const ExportEntry entry{QStringLiteral("V"), value};
        if (!exporter.check(entry).ok())
            continue;
        ++accepted;
        const QByteArray text = *exporter.render({entry});
        const QRegularExpressionMatch match = line.match(QString::fromLatin1(text));
        if (!match.hasMatch())
            QFAIL(qPrintable(ExportCorpus::describe(value)));
        QCOMPARE(match.captured(2).toLatin1(), value);
    }
    qInfo("cmd: %d accepted, %lld refused", accepted, values.size() - accepted);
    QVERIFY(accepted > 300);
}

void TestExporterGolden::registryKnowsEveryTarget()
{
    ExporterRegistry registry = ExporterRegistry::withBuiltins();
    QCOMPARE(registry.ids(),
             (QStringList{QStringLiteral("posix"), QStringLiteral("bash"), QStringLiteral("zsh"),
                          QStringLiteral("fish"), QStringLiteral("powershell"), QStringLiteral("cmd"),
                          QStringLiteral("dotenv"), QStringLiteral("docker-env"), QStringLiteral("json"),
                          QStringLiteral("github-actions")}));
    const Result<const Exporter *> unknown = registry.lookup(QStringLiteral("prefect-toml"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("EXPORT_UNKNOWN_TARGET"));
    for (const QString &name : ExportCorpus::invalidNames()) {
        for (const QString &id : registry.ids()) {
            const Status status = registry.find(id)->check({name, "x"});
            QVERIFY2(!status.ok() && status.error().code.endsWith(QLatin1String("_NAME")),
                     qPrintable(id + QLatin1Char(' ') + name));
        }
    }
}

QTEST_GUILESS_MAIN(TestExporterGolden)
#include "tst_ExporterGolden.moc"
