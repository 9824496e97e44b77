#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace secretdesk {

// Colours JSON text line by line: member keys, string values, numbers, the literals true, false
// and null, and punctuation. The colours come from a palette (light or dark variants chosen by its
// base colour), so the editor stays readable in every theme; call setPalette() when it changes.
// Text that is not JSON is left as it is: the validation markers say what is wrong with it.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Part { Key, String, Number, Literal, Punctuation };

    explicit JsonHighlighter(QTextDocument *document, const QPalette &palette = QPalette());

    void setPalette(const QPalette &palette);
    QTextCharFormat format(Part part) const { return m_formats.at(static_cast<size_t>(part)); }

protected:
    void highlightBlock(const QString &text) override;

private:
    std::array<QTextCharFormat, 5> m_formats;
};

} // namespace secretdesk
