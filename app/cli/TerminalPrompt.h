#pragma once

#include <QByteArray>
#include <QString>

namespace secretdesk::cli {

// Asks for a value on the controlling terminal with echo off, so it never shows on screen or in
// the shell's history.
QByteArray readHiddenLine(const QString &prompt);

} // namespace secretdesk::cli
