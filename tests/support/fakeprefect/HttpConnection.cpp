#include "tests/support/fakeprefect/HttpConnection.h"

namespace secretdesk::test {

namespace {
QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    default:
        return status >= 500 ? QByteArray("Internal Server Error") : QByteArray("Status");
    }
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
}

void HttpConnection::readRequests()
{
    if (!m_socket)
        return;
    m_buffer += m_socket->readAll();
    if (!m_buffer.isEmpty() && (m_buffer.at(0) < 'A' || m_buffer.at(0) > 'Z')) {
        // Not HTTP (e.g. a TLS ClientHello): answer as a plain HTTP server does, then hang up.
        m_socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_socket->flush();
        return drop();
    }
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        FakeRequest request;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        if (first.size() < 2)
            return drop();
        request.method = first.at(0);
        const QByteArray target = first.at(1);
        const qsizetype question = target.indexOf('?');
        request.path = question < 0 ? target : target.left(question);
        request.query = question < 0 ? QByteArray() : target.mid(question + 1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return;
        request.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        m_handler(this, request);
    }
}

QByteArray HttpConnection::head(const FakeResponse &response) const
{
    QByteArray text =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    text += "Content-Type: application/json\r\nConnection: keep-alive\r\n";
    text += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        text += name + ": " + value + "\r\n";
    return text + "\r\n";
}

void HttpConnection::respond(const FakeResponse &response)
{
    if (m_socket)
        m_socket->write(head(response) + response.body);
}

void HttpConnection::respondAndDrop(const FakeResponse &response)
{
    if (!m_socket)
        return;
    m_socket->write(head(response) + response.body.left(response.body.size() / 2));
    m_socket->flush();
    m_socket->abort();
}

void HttpConnection::respondAndStall(const FakeResponse &response)
{
    FakeResponse padded = response;
    // Half of a tiny body may be nothing at all; make sure some body bytes arrive before the stall.
    padded.body += QByteArray(64, ' ');
    if (m_socket)
        m_socket->write(head(padded) + padded.body.left(padded.body.size() / 2));
}

void HttpConnection::respondWithHugeBody(qint64 total, bool declare, std::function<void(qint64)> sent)
{
    if (!m_socket)
        return;
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    head += declare ? "Content-Length: " + QByteArray::number(total) + "\r\n"
                    : QByteArray("Connection: close\r\n");
    m_socket->write(head + "\r\n");
    m_hugeRemaining = total;
    // A JSON array that never ends; each chunk goes out once the previous ones have drained, so the
    // server never holds more than a few chunks in memory either.
    const QByteArray chunk = "[" + QByteArray(64 * 1024 - 1, ' ');
    auto more = [this, chunk, sent] {
        while (m_socket && m_hugeRemaining > 0 && m_socket->bytesToWrite() < 4 * chunk.size()) {
            const QByteArray piece = chunk.left(qsizetype(std::min<qint64>(chunk.size(), m_hugeRemaining)));
            m_socket->write(piece);
            m_hugeRemaining -= piece.size();
            sent(piece.size());
        }
        if (m_socket && m_hugeRemaining == 0)
            m_socket->disconnectFromHost();
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, more);
    more();
}

void HttpConnection::drop()
{
    if (m_socket)
        m_socket->abort();
}

} // namespace secretdesk::test
