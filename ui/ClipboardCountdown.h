#pragma once

#include <QLabel>

namespace secretdesk {

class Clipboard;

// The status bar's "Clipboard clears in 12 s", shown while a copied value waits to be cleared.
class ClipboardCountdown : public QLabel {
    Q_OBJECT
public:
    explicit ClipboardCountdown(Clipboard *clipboard, QWidget *parent = nullptr);
};

} // namespace secretdesk
