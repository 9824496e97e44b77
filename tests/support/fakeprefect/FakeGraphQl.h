#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>

namespace secretdesk::test {

// Just enough GraphQL for Prefect 1's secret API: one query or mutation with variable definitions,
// aliased fields with arguments ($variables, strings, input objects). Answers {data, errors} with
// per-alias `path`s, as a GraphQL server does.
class FakeGraphQl {
public:
    explicit FakeGraphQl(QMap<QString, QJsonValue> &secrets)
        : m_secrets(secrets)
    {}
    // `variables` may be an object or a JSON-encoded string (Prefect's own client sends the latter).
    QJsonObject execute(const QString &query, const QJsonValue &variables);

private:
    QMap<QString, QJsonValue> &m_secrets;
};

} // namespace secretdesk::test
