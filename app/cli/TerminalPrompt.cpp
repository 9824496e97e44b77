#include "app/cli/TerminalPrompt.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace secretdesk::cli {

QByteArray readHiddenLine(const QString &prompt)
{
    const QByteArray text = prompt.toUtf8();
    ::write(STDERR_FILENO, text.constData(), static_cast<size_t>(text.size()));
    termios saved{};
    const bool isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c = 0;
    while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        line.append(c);
    if (isTerminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    ::write(STDERR_FILENO, "\n", 1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace secretdesk::cli
