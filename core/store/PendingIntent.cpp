#include "core/store/PendingIntent.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace secretdesk {

PendingIntent PendingIntent::make(Op op, const ProfileName &profile, const SecretName &name)
{
    PendingIntent intent{
        QStringLiteral("%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')), op,
        profile, name};
    intent.pid = QCoreApplication::applicationPid();
    intent.started = QDateTime::currentDateTimeUtc();
    return intent;
}

QString PendingIntent::opName(Op op)
{
    switch (op) {
    case Op::Set:
        return QStringLiteral("set");
    case Op::Delete:
        return QStringLiteral("delete");
    case Op::Rename:
        return QStringLiteral("rename");
    }
    return QStringLiteral("set");
}

QString PendingIntent::describe() const
{
    QString text = opName(op) + QLatin1Char(' ') + profile.toString() + QLatin1Char('/') + name.toString();
    if (newName)
        text += QStringLiteral(" -> ") + newName->toString();
    return text;
}

QJsonObject PendingIntent::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("op"), opName(op)},
                  {QStringLiteral("profile"), profile.toString()},
                  {QStringLiteral("name"), name.toString()},
                  {QStringLiteral("type"), SecretValue::typeName(type)},
                  {QStringLiteral("pid"), pid},
                  {QStringLiteral("started"), started.toString(Qt::ISODateWithMs)}};
    if (newName)
        o.insert(QStringLiteral("to"), newName->toString());
    return o;
}

std::optional<PendingIntent> PendingIntent::fromJson(const QJsonObject &json)
{
    const QString opText = json.value(QStringLiteral("op")).toString();
    std::optional<Op> op;
    for (Op candidate : {Op::Set, Op::Delete, Op::Rename}) {
        if (opName(candidate) == opText)
            op = candidate;
    }
    auto profile = ProfileName::parse(json.value(QStringLiteral("profile")).toString());
    auto name = SecretName::parse(json.value(QStringLiteral("name")).toString());
    auto type =
        SecretValue::typeFromName(json.value(QStringLiteral("type")).toString(QStringLiteral("string")));
    const QString id = json.value(QStringLiteral("id")).toString();
    if (!op || !profile || !name || !type || id.isEmpty())
        return std::nullopt;
    PendingIntent intent{id, *op, *profile, *name};
    intent.type = *type;
    intent.pid = json.value(QStringLiteral("pid")).toInteger();
    intent.started =
        QDateTime::fromString(json.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    if (*op == Op::Rename) {
        auto to = SecretName::parse(json.value(QStringLiteral("to")).toString());
        if (!to)
            return std::nullopt;
        intent.newName = *to;
    }
    return intent;
}

} // namespace secretdesk
