#pragma once

#include <QSyntaxHighlighter>

namespace secretdesk {

// Colours JSON text: keys, strings, numbers, literals (true, false, null) and punctuation.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace secretdesk
