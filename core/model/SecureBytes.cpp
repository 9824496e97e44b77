#include "core/model/SecureBytes.h"

#include <QString>

#include <cstring>

namespace secretdesk {

namespace {
void wipeMemory(void *data, std::size_t size)
{
    // A volatile function pointer stops the compiler from proving the store dead.
    static void *(*const volatile doMemset)(void *, int, std::size_t) = std::memset;
    doMemset(data, 0, size);
}
} // namespace

void wipeBytes(QByteArray &bytes)
{
    // Only wipe a buffer we own alone; detaching first would wipe a fresh copy and leave the shared one.
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        bytes = QByteArray();
        return;
    }
    if (!bytes.isEmpty())
        wipeMemory(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

void wipeString(QString &text)
{
    if (!text.isEmpty() && !text.isDetached()) {
        text = QString();
        return;
    }
    if (!text.isEmpty())
        wipeMemory(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

} // namespace secretdesk
