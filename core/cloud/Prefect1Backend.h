#pragma once

#include "core/cloud/CloudBackend.h"

#include <QJsonObject>

namespace secretdesk {

// Prefect 1 Cloud's GraphQL API (spec section 6). Writes, deletes and value reads go many to a
// request as aliased fields (a0: set_secret(...)), in batches of batchSize(), batches in parallel.
class Prefect1Backend : public CloudBackend {
    Q_OBJECT
public:
    static constexpr int DefaultBatchSize = 50;

    Prefect1Backend(const CloudLink &link, const QByteArray &apiKey, const RetryPolicy &policy,
                    QObject *parent = nullptr);

    void setBatchSize(int size) { m_batchSize = std::max(1, size); }
    int batchSize() const { return m_batchSize; }

    BackendKind kind() const override { return BackendKind::Prefect1; }
    bool listsValuesCheaply() const override { return false; }
    int requestsSent() const override { return m_http.requestsSent(); }

    void verify(QObject *context, Done done) override;
    void list(bool withValues, const QStringList &only, QObject *context, ListDone done) override;
    void write(const QList<RemoteWrite> &writes, QObject *context, ItemsDone done) override;
    void remove(const QStringList &names, QObject *context, ItemsDone done) override;
    void cancel() override { m_http.cancelAll(); }

private:
    using GraphQlDone = std::function<void(Result<QJsonObject>)>;
    void graphQl(const QString &query, const QJsonObject &variables, QObject *context, GraphQlDone done);
    void names(QObject *context, std::function<void(Result<QStringList>)> done);
    // Sends one aliased mutation per batch: field(input: {name, value?}) { success }.
    void mutate(const QString &field, const QList<RemoteWrite> &items, bool withValue, QObject *context,
                ItemsDone done);

    HttpClient m_http;
    int m_batchSize = DefaultBatchSize;
};

} // namespace secretdesk
