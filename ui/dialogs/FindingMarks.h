#pragma once

#include "core/model/Diagnostic.h"

#include <QList>
#include <QTextEdit>

class QTextDocument;

namespace secretdesk {

// The editor's live validation markers: a wavy underline (red for errors, amber otherwise, the
// message as tooltip) under what each diagnostic's line and column point at: a whole key or string
// when it starts there, else one character. Diagnostics without a line are listed, not marked.
class FindingMarks {
public:
    static QList<QTextEdit::ExtraSelection> underlines(const QTextDocument *document,
                                                       const QList<Diagnostic> &diagnostics);
};

} // namespace secretdesk
