#include "ExportCorpus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace secretdesk::test {

namespace {

QList<QByteArray> atoms()
{
    QFile file(qEnvironmentVariable("SECRETDESK_SOURCE_DIR") +
               QStringLiteral("/tests/data/exporters/adversarial-atoms.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const auto &atom : array)
        out.append(atom.toString().toUtf8());
    return out;
}

// Weighted toward what readers treat specially; a few multi-byte and invisible characters.
const char16_t RandomAlphabet[] = u"abcXYZ019_-.,:/+=@ '\"`\\$!%#&|;<>(){}[]*?~^\t\n\r"
                                  u"\u00e9\u0301\u2018\u2019\u201a\u201b\u201c\u00a0\u2028\u65e5";

} // namespace

QList<QByteArray> ExportCorpus::adversarial()
{
    const QList<QByteArray> parts = atoms();
    if (parts.isEmpty())
        return {};
    QList<QByteArray> values;
    const qsizetype n = parts.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QByteArray &atom = parts.at(i);
        values.append(atom);
        values.append("a" + atom + "b");
        values.append(" " + atom + " ");
        values.append("value" + atom);
        values.append(atom + parts.at((i * 7 + 3) % n));
        values.append("\t" + atom + "\r\n" + parts.at((i * 5 + 1) % n) + "\n");
    }
    values.append(QByteArray());
    values.append(QByteArray(" "));
    values.append(QByteArray("end\\"));
    values.append(QByteArray("end\\\\"));
    values.append(QByteArray("nul\0inside", 10));
    values.append(QByteArray("bad utf8 \xc3\x28", 11));
    values.append(pemShaped(4096, 4096));
    values.append(pemShaped(4096, 4097).replace("\n", "\r\n"));
    QByteArray big;
    QRandomGenerator random(65536);
    while (big.size() < 64 * 1024)
        big.append(char('a' + random.bounded(26)));
    values.append(big);
    return values;
}

QList<QByteArray> ExportCorpus::standard()
{
    const QList<QByteArray> fixed = adversarial();
    return fixed.isEmpty() ? fixed : fixed + seededRandom(2000, 20261129);
}

QList<QByteArray> ExportCorpus::seededRandom(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    const qsizetype alphabetSize = sizeof(RandomAlphabet) / sizeof(char16_t) - 1;
    QList<QByteArray> values;
    for (int i = 0; i < count; ++i) {
        QString text;
        const int length = random.bounded(0, 48);
        for (int j = 0; j < length; ++j)
            text.append(QChar(RandomAlphabet[random.bounded(alphabetSize)]));
        if (random.bounded(10) == 0)
            text.append(QString::fromUcs4(U"\U0001F510"));
        values.append(text.toUtf8());
    }
    return values;
}

QByteArray ExportCorpus::pemShaped(qsizetype bytes, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray raw(bytes * 3 / 4, Qt::Uninitialized);
    for (char &c : raw)
        c = char(random.bounded(256));
    const QByteArray base64 = raw.toBase64();
    QByteArray pem = "-----BEGIN TEST KEY-----\n";
    for (qsizetype at = 0; at < base64.size(); at += 64)
        pem += base64.mid(at, 64) + '\n';
    pem += "-----END TEST KEY-----\n";
    return pem;
}

QStringList ExportCorpus::invalidNames()
{
    return {QString(),
            QStringLiteral("1ABC"),
            QStringLiteral("A-B"),
            QStringLiteral("A B"),
            QStringLiteral("A=B"),
            QStringLiteral("A$B"),
            QStringLiteral("A.B"),
            QStringLiteral("A'B"),
            QStringLiteral("A\nB"),
            QStringLiteral("$(touch pwned_name)"),
            QString::fromUtf8("\xc3\x89T\xc3\x89"),
            QStringLiteral("A{B}"),
            QStringLiteral("-n")};
}

QString ExportCorpus::describe(const QByteArray &value)
{
    QString out;
    const QByteArray head = value.left(80);
    for (char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F && c != '\\')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    if (value.size() > head.size())
        out += QStringLiteral("...(%1 bytes)").arg(value.size());
    return out;
}

} // namespace secretdesk::test
