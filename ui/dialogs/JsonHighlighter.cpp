#include "ui/dialogs/JsonHighlighter.h"

namespace secretdesk {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void JsonHighlighter::highlightBlock(const QString &text)
{
    Q_UNUSED(text);
}

} // namespace secretdesk
