#include "ui/dialogs/JsonHighlighter.h"

#include "ui/dialogs/ThemePalette.h"

namespace secretdesk {

namespace {

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('.') ||
           c == QLatin1Char('e') || c == QLatin1Char('E');
}

// Index just past the string starting at the quote at `from` (or the line's end if unterminated).
qsizetype stringEnd(const QString &text, qsizetype from)
{
    for (qsizetype i = from + 1; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\'))
            ++i;
        else if (text.at(i) == QLatin1Char('"'))
            return i + 1;
    }
    return text.size();
}

bool followedByColon(const QString &text, qsizetype from)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (!text.at(i).isSpace())
            return text.at(i) == QLatin1Char(':');
    }
    return false;
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = ThemePalette::isDark(palette);
    const auto colour = [&](Part part, QColor onLight, QColor onDark) {
        m_formats.at(static_cast<size_t>(part)).setForeground(dark ? onDark : onLight);
    };
    m_formats = {};
    // Keys take the palette's link colour, which every theme already makes readable on its base.
    m_formats.at(static_cast<size_t>(Part::Key)).setForeground(palette.color(QPalette::Link));
    m_formats.at(static_cast<size_t>(Part::Key)).setFontWeight(QFont::DemiBold);
    colour(Part::String, QColor(0x1a, 0x7f, 0x37), QColor(0x8b, 0xdb, 0x9a));
    colour(Part::Number, QColor(0xa0, 0x4b, 0x00), QColor(0xf2, 0xaa, 0x66));
    colour(Part::Literal, QColor(0x82, 0x50, 0xdf), QColor(0xd2, 0xa8, 0xff));
    m_formats.at(static_cast<size_t>(Part::Punctuation))
        .setForeground(palette.color(QPalette::PlaceholderText));
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            const qsizetype end = stringEnd(text, i);
            setFormat(static_cast<int>(i), static_cast<int>(end - i),
                      format(followedByColon(text, end) ? Part::Key : Part::String));
            i = end;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            qsizetype end = i + 1;
            while (end < text.size() && isNumberChar(text.at(end)))
                ++end;
            setFormat(static_cast<int>(i), static_cast<int>(end - i), format(Part::Number));
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == QLatin1String("true") || word == QLatin1String("false") ||
                word == QLatin1String("null"))
                setFormat(static_cast<int>(i), static_cast<int>(end - i), format(Part::Literal));
            i = end;
        } else {
            if (QStringView(u"{}[]:,").contains(c))
                setFormat(static_cast<int>(i), 1, format(Part::Punctuation));
            ++i;
        }
    }
}

} // namespace secretdesk
