#include "PrefectSamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using secretdesk::SecretValue;

namespace {

const QStringList &pitfalls()
{
    static const QStringList list = {
        QStringLiteral("123"),
        QStringLiteral("true"),
        QStringLiteral("TRUE"),
        QStringLiteral("None"),
        QStringLiteral("null"),
        QStringLiteral("[1, 2]"),
        QStringLiteral("~/key.json"),
        QStringLiteral("~root"),
        QStringLiteral("~"),
        QStringLiteral("pa$HOME"),
        QStringLiteral("$$"),
        QStringLiteral("a${x}b"),
        QStringLiteral("${a.b}"),
        QStringLiteral("${"),
        QStringLiteral("$"),
        QStringLiteral("'"),
        QStringLiteral("\""),
        QStringLiteral("'''"),
        QStringLiteral("\"\"\""),
        QStringLiteral("\\"),
        QStringLiteral("\\\\"),
        QStringLiteral("\\n"),
        QStringLiteral("\\x24"),
        QStringLiteral("\\u0041"),
        QStringLiteral("1_000"),
        QStringLiteral("0x10"),
        QStringLiteral("1e5"),
        QStringLiteral("1j"),
        QStringLiteral("-1"),
        QStringLiteral("(1,)"),
        QStringLiteral("set()"),
        QStringLiteral("{'a': 1}"),
        QStringLiteral("{\"a\": true}"),
        QStringLiteral("NaN"),
        QStringLiteral("Infinity"),
        QStringLiteral(" "),
        QStringLiteral("\n"),
        QStringLiteral("\t"),
        QStringLiteral("\r"),
        QStringLiteral("#"),
        QStringLiteral("b'x'"),
        QStringLiteral("r'\\d'"),
        QStringLiteral("caf\u00e9"),
        QStringLiteral("\u65e5\u672c"),
        QStringLiteral("\U0001F511"),
        QStringLiteral("\u00a0"),
        QStringLiteral("\u2028"),
        QStringLiteral("\u017f"),
        QStringLiteral("f"),
        QStringLiteral("u"),
        QStringLiteral("..."),
        QStringLiteral("\x01"),
        QStringLiteral("\x7f"),
        QStringLiteral("="),
        QStringLiteral(","),
        QStringLiteral("{"),
        QStringLiteral("}"),
    };
    return list;
}

} // namespace

QString PrefectSamples::fragment()
{
    switch (m_random.bounded(4)) {
    case 0:
        return pitfalls().at(int(m_random.bounded(pitfalls().size())));
    case 1: { // printable ASCII
        QString s;
        for (int i = 0, n = int(m_random.bounded(1, 8)); i < n; ++i)
            s += QChar(char16_t(m_random.bounded(0x20, 0x7f)));
        return s;
    }
    case 2: { // any unicode scalar value but NUL and surrogates
        char32_t c = 0;
        do {
            c = m_random.bounded(2) ? m_random.bounded(1, 0x800) : m_random.bounded(1, 0x110000);
        } while (c >= 0xD800 && c <= 0xDFFF);
        return QString::fromUcs4(&c, 1);
    }
    default:
        return QString::number(m_random.bounded(-1000, 100000));
    }
}

QString PrefectSamples::randomText()
{
    QString s;
    for (int i = 0, n = int(m_random.bounded(0, 6)); i < n; ++i)
        s += fragment();
    return s;
}

QString PrefectSamples::jsonValue(int depth)
{
    const auto quoted = [](const QString &text) {
        // QJsonDocument escapes the text as JSON; strip the array around it.
        const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    };
    switch (m_random.bounded(depth < 3 ? 9 : 7)) {
    case 0:
    case 1:
    case 2:
        return quoted(randomText());
    case 3:
        return QString::number(m_random.bounded(-100000, 100000));
    case 4:
        return m_random.bounded(2) ? QStringLiteral("true") : QStringLiteral("false");
    case 5:
        return m_random.bounded(2) ? QStringLiteral("null") : QStringLiteral("1.5e-7");
    case 6:
        return QStringLiteral("[") + quoted(randomText()) + QStringLiteral(", 1, null]");
    case 7:
        return jsonObject(depth + 1);
    default:
        return QStringLiteral("[") + jsonObject(depth + 1) + QStringLiteral("]");
    }
}

QString PrefectSamples::jsonObject(int depth)
{
    QStringList members;
    const auto quoted = [](const QString &text) {
        const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    };
    for (int i = 0, n = int(m_random.bounded(0, 4)); i < n; ++i) {
        const QString key =
            m_random.bounded(2) ? QStringLiteral("K%1_ID").arg(i) : randomText() + QString::number(i);
        members << quoted(key) + QStringLiteral(": ") + jsonValue(depth);
    }
    return QLatin1Char('{') + members.join(QStringLiteral(", ")) + QLatin1Char('}');
}

SecretValue PrefectSamples::next()
{
    if (m_random.bounded(5) == 0) {
        auto object = SecretValue::fromJson(jsonObject(0).toUtf8());
        if (object)
            return object.value();
    }
    return SecretValue::fromString(randomText());
}

std::vector<SecretValue> PrefectSamples::take(int count)
{
    std::vector<SecretValue> values;
    values.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        values.push_back(next());
    return values;
}
