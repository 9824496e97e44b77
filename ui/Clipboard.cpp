#include "ui/Clipboard.h"

#include "core/model/SecureBytes.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

#include <array>

namespace secretdesk {

namespace {

#if defined(Q_OS_WIN)
// A little-endian DWORD, the payload Windows reads for its clipboard-history formats.
QByteArray dword(quint32 value)
{
    const std::array<char, 4> bytes = {char(value & 0xff), char((value >> 8) & 0xff),
                                       char((value >> 16) & 0xff), char((value >> 24) & 0xff)};
    return QByteArray(bytes.data(), 4);
}
#endif

} // namespace

Clipboard::Clipboard(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &Clipboard::tick);
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &Clipboard::clearIfOurs);
}

Clipboard::~Clipboard()
{
    clearIfOurs();
}

QMimeData *Clipboard::secretMimeData(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    // KDE Klipper, CopyQ and other history managers on X11/Wayland skip entries marked as passwords.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
#if defined(Q_OS_MACOS)
    // The MIME name KeePassXC and CopyQ use for the concealed marker; macOS clipboard managers look for the
    // pasteboard type org.nspasteboard.ConcealedType (nspasteboard.org). Not verified on a Mac here.
    data->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), QByteArray());
#elif defined(Q_OS_WIN)
    // Registered clipboard formats (Qt registers a custom MIME name as a format of that name) that Windows'
    // clipboard history and cloud clipboard honour: DWORD 0 = keep out; the first keeps monitors out too.
    data->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), dword(1));
    data->setData(QStringLiteral("CanIncludeInClipboardHistory"), dword(0));
    data->setData(QStringLiteral("CanUploadToCloudClipboard"), dword(0));
#endif
    return data;
}

void Clipboard::copySecret(const QString &text)
{
    wipeString(m_copied);
    QGuiApplication::clipboard()->setMimeData(secretMimeData(text));
    m_copied = text;
    m_remaining = m_timeoutSeconds;
    m_timer->start();
    Q_EMIT countdown(m_remaining);
}

void Clipboard::copyPlain(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
    // Our secret is no longer on the clipboard: nothing left to clear.
    if (!m_copied.isEmpty() || m_timer->isActive()) {
        m_timer->stop();
        m_remaining = 0;
        wipeString(m_copied);
        m_copied.clear();
        Q_EMIT cleared();
    }
}

void Clipboard::tick()
{
    if (m_remaining <= 0)
        return;
    --m_remaining;
    if (m_remaining > 0)
        Q_EMIT countdown(m_remaining);
    else
        clearIfOurs();
}

void Clipboard::clearIfOurs()
{
    m_timer->stop();
    m_remaining = 0;
    if (m_copied.isEmpty())
        return;
    // Only ours: something the user copied since then stays where it is.
    if (QGuiApplication::clipboard()->text() == m_copied)
        QGuiApplication::clipboard()->clear();
    wipeString(m_copied);
    m_copied.clear();
    Q_EMIT cleared();
}

} // namespace secretdesk
