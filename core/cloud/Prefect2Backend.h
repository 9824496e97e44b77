#pragma once

#include "core/cloud/CloudBackend.h"

#include <QHash>

namespace secretdesk {

// Prefect 2.x/3.x Secret blocks over REST (spec section 7), on Prefect Cloud or a self-hosted server.
// Block type and schema ids are looked up once per instance (one sync run); names' document ids come
// from the listing. Requests run in parallel up to RetryPolicy::maxInFlight.
class Prefect2Backend : public CloudBackend {
    Q_OBJECT
public:
    static constexpr int PageSize = 200; // the server's cap on `limit`

    Prefect2Backend(const CloudLink &link, const QByteArray &apiKey, const RetryPolicy &policy,
                    QObject *parent = nullptr);

    BackendKind kind() const override { return BackendKind::Prefect2; }
    bool listsValuesCheaply() const override { return true; }
    int requestsSent() const override { return m_http.requestsSent(); }

    void verify(QObject *context, Done done) override;
    void list(bool withValues, const QStringList &only, QObject *context, ListDone done) override;
    void write(const QList<RemoteWrite> &writes, QObject *context, ItemsDone done) override;
    void remove(const QStringList &names, QObject *context, ItemsDone done) override;
    void cancel() override { m_http.cancelAll(); }

private:
    void ensureBlockIds(QObject *context, Done done);
    void ensureDocumentIds(QObject *context, Done done);
    void listPage(bool withValues, const QStringList &only, int offset,
                  std::shared_ptr<QList<RemoteSecret>> found, QObject *context, ListDone done);
    void create(const RemoteWrite &item, QObject *context, Done done);
    void update(const QString &id, const RemoteWrite &item, QObject *context, Done done);
    void adopt(const RemoteWrite &item, QObject *context, Done done);

    HttpClient m_http;
    QString m_blockTypeId;
    QString m_blockSchemaId;
    QHash<QString, QString> m_documentIds; // remote name -> block document id
    bool m_listed = false;
};

} // namespace secretdesk
