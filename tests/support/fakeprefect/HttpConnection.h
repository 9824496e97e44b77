#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace secretdesk::test {

struct FakeRequest {
    QByteArray method;
    QByteArray path; // without the query
    QByteArray query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

struct FakeResponse {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// One HTTP/1.1 keep-alive connection: parses requests (Content-Length bodies only) and hands each
// to `handler`, which answers later through the returned connection pointer.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(HttpConnection *, const FakeRequest &)>;
    HttpConnection(QTcpSocket *socket, Handler handler, QObject *parent = nullptr);

    void respond(const FakeResponse &response);
    // Sends the head and half the body, then closes the connection.
    void respondAndDrop(const FakeResponse &response);
    // Sends the head and half the body, then goes silent with the connection open.
    void respondAndStall(const FakeResponse &response);
    void drop();
    // Sends a 200 head and then a body of `total` bytes (declared in Content-Length when `declare`,
    // else delimited by the connection's close), written as fast as the socket drains, until the
    // client hangs up. `sent` is told how many body bytes went out each time.
    void respondWithHugeBody(qint64 total, bool declare, std::function<void(qint64)> sent);

private:
    void readRequests();
    QByteArray head(const FakeResponse &response) const;

    QPointer<QTcpSocket> m_socket;
    Handler m_handler;
    QByteArray m_buffer;
    qint64 m_hugeRemaining = 0;
};

} // namespace secretdesk::test
