// Developer tool behind tests/data/prefect/make_corpus.py: reads JSON lines
// {"type": "string"|"json", "value": "..."} on stdin and prints, per line, the codec's env and TOML
// texts and whether prefect.context.secrets holds the value itself. Test values only.

#include "core/prefect/PrefectCodec.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

using namespace secretdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::string line;
    while (std::getline(std::cin, line)) {
        const QJsonObject request = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
        const QString text = request.value(QStringLiteral("value")).toString();
        auto value = request.value(QStringLiteral("type")).toString() == QLatin1String("json")
                         ? SecretValue::fromJson(text.toUtf8())
                         : Result<SecretValue>(SecretValue::fromString(text));
        QJsonObject reply;
        if (!value) {
            reply.insert(QStringLiteral("error"), value.error().toString());
        } else {
            const auto env = PrefectCodec::encodeEnv(value.value());
            const auto toml = PrefectCodec::encodeToml(value.value());
            reply.insert(QStringLiteral("env"),
                         env ? QString::fromUtf8(env.value()) : env.error().toString());
            reply.insert(QStringLiteral("toml"),
                         toml ? QString::fromUtf8(toml.value()) : toml.error().toString());
            reply.insert(QStringLiteral("context_holds_value"),
                         PrefectCodec::contextHoldsValue(value.value()));
            reply.insert(QStringLiteral("stored"), QString::fromUtf8(value.value().utf8()));
        }
        std::cout << QJsonDocument(reply).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    }
    return 0;
}
