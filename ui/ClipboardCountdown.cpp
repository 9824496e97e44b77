#include "ui/ClipboardCountdown.h"

#include "ui/Clipboard.h"

namespace secretdesk {

ClipboardCountdown::ClipboardCountdown(Clipboard *clipboard, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("clipboardCountdown"));
    setAccessibleName(tr("Clipboard countdown"));
    setAccessibleDescription(tr("Seconds until the copied value is cleared from the clipboard"));
    hide();
    connect(clipboard, &Clipboard::countdown, this, [this](int seconds) {
        setText(tr("Clipboard clears in %n s", nullptr, seconds));
        show();
    });
    connect(clipboard, &Clipboard::cleared, this, [this] {
        clear();
        hide();
    });
}

} // namespace secretdesk
