#include "ui/dialogs/FindingMarks.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace secretdesk {

QList<QTextEdit::ExtraSelection> FindingMarks::underlines(const QTextDocument *document,
                                                          const QList<Diagnostic> &diagnostics)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const Diagnostic &diagnostic : diagnostics) {
        const Location &where = diagnostic.location;
        const QTextBlock block = document->findBlockByNumber(where.line - 1);
        if (where.line <= 0 || !block.isValid())
            continue;
        // Columns count UTF-8 bytes from 1; the editor counts UTF-16 characters.
        const QString line = block.text();
        const int length = static_cast<int>(line.size());
        if (length == 0)
            continue;
        const int column =
            static_cast<int>(QString::fromUtf8(line.toUtf8().left(std::max(0, where.column - 1))).size());
        const int start = std::clamp(column, 0, length - 1);
        int end = start + 1;
        if (line.at(start) == QLatin1Char('"')) { // a key or string: mark all of it
            while (end < length && line.at(end) != QLatin1Char('"'))
                end += line.at(end) == QLatin1Char('\\') ? 2 : 1;
            end = std::min(length, end + 1);
        }
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.cursor.setPosition(block.position() + start);
        mark.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(diagnostic.severity == Severity::Error ? QColor(0xd0, 0x30, 0x20)
                                                                             : QColor(0xd8, 0x90, 0x00));
        mark.format.setToolTip(diagnostic.toString());
        selections << mark;
    }
    return selections;
}

} // namespace secretdesk
