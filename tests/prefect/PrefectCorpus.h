#pragma once

#include "core/model/SecretValue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

// The golden corpora under tests/data/prefect/, read by the codec and reference tests.
namespace PrefectCorpus {

inline QString path(const QString &name)
{
    return qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/tests/data/prefect/") + name;
}

inline QJsonArray load(const QString &name)
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test corpus %s", qPrintable(file.fileName()));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test corpus %s: %s", qPrintable(file.fileName()), qPrintable(error.errorString()));
    return doc.array();
}

// A corpus case's stored value: {"type": "string"|"json", "value": "..."}.
inline secretdesk::SecretValue storedValue(const QJsonObject &entry)
{
    const QString text = entry.value(QStringLiteral("value")).toString();
    if (entry.value(QStringLiteral("type")).toString() == QLatin1String("json")) {
        auto value = secretdesk::SecretValue::fromJson(text.toUtf8());
        if (!value)
            qFatal("corpus object is not a JSON object");
        return value.value();
    }
    return secretdesk::SecretValue::fromString(text);
}

} // namespace PrefectCorpus
