#include "ui/Clipboard.h"

#include "core/model/SecureBytes.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

namespace secretdesk {

Clipboard::Clipboard(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Clipboard::clearIfOurs);
}

Clipboard::~Clipboard()
{
    clearIfOurs();
}

void Clipboard::copySecret(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    // KDE Klipper and other history managers skip entries marked as passwords.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
#if defined(Q_OS_MACOS)
    data->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), QByteArray());
#elif defined(Q_OS_WIN)
    data->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
#endif
    QGuiApplication::clipboard()->setMimeData(data);
    m_copied = text;
    m_timer->start(m_timeoutSeconds * 1000);
}

void Clipboard::clearIfOurs()
{
    m_timer->stop();
    if (m_copied.isEmpty())
        return;
    // Only ours: something the user copied since then stays where it is.
    if (QGuiApplication::clipboard()->text() == m_copied)
        QGuiApplication::clipboard()->clear();
    wipeString(m_copied);
    Q_EMIT cleared();
}

int Clipboard::remainingSeconds() const
{
    return m_timer->isActive() ? (m_timer->remainingTime() + 999) / 1000 : 0;
}

} // namespace secretdesk
