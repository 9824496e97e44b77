#include "ui/dialogs/ThemePalette.h"

#include <QApplication>

namespace secretdesk {

namespace {

struct Colours {
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight, highlightedText;
    QColor link, linkVisited, toolTipBase, toolTipText, placeholder, brightText;
    QColor disabledText, disabledBase, disabledButton;
};

Colours lightColours()
{
    return {QColor(0xf6, 0xf6, 0xf7), QColor(0x1d, 0x1d, 0x20), QColor(0xff, 0xff, 0xff),
            QColor(0xee, 0xef, 0xf1), QColor(0x1d, 0x1d, 0x20), QColor(0xec, 0xec, 0xee),
            QColor(0x1d, 0x1d, 0x20), QColor(0x1f, 0x6f, 0xd0), QColor(0xff, 0xff, 0xff),
            QColor(0x16, 0x5f, 0xbf), QColor(0x6c, 0x3c, 0xb0), QColor(0xff, 0xff, 0xe6),
            QColor(0x1d, 0x1d, 0x20), QColor(0x6e, 0x6e, 0x75), QColor(0xff, 0xff, 0xff),
            QColor(0x9a, 0x9a, 0xa0), QColor(0xf0, 0xf0, 0xf1), QColor(0xe6, 0xe6, 0xe8)};
}

Colours darkColours()
{
    return {QColor(0x2b, 0x2c, 0x30), QColor(0xe8, 0xe8, 0xea), QColor(0x1e, 0x1f, 0x22),
            QColor(0x27, 0x28, 0x2c), QColor(0xe8, 0xe8, 0xea), QColor(0x35, 0x36, 0x3b),
            QColor(0xe8, 0xe8, 0xea), QColor(0x3d, 0x8b, 0xe8), QColor(0xff, 0xff, 0xff),
            QColor(0x6c, 0xb4, 0xff), QColor(0xb3, 0x94, 0xf0), QColor(0x3a, 0x3b, 0x40),
            QColor(0xe8, 0xe8, 0xea), QColor(0x8e, 0x8f, 0x96), QColor(0xff, 0xff, 0xff),
            QColor(0x73, 0x74, 0x7a), QColor(0x25, 0x26, 0x29), QColor(0x30, 0x31, 0x35)};
}

QPalette build(const Colours &c)
{
    QPalette p;
    // Light/Midlight/Dark/Mid/Shadow are the bevel shades the styles derive from the button colour.
    const QColor light = c.button.lighter(150), midlight = c.button.lighter(125);
    const QColor dark = c.button.darker(200), mid = c.button.darker(150);
    const QColor shadow = QColor(0, 0, 0);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? c.disabledText : c.text;
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, disabled ? c.disabledText : c.windowText);
        p.setColor(group, QPalette::Base, disabled ? c.disabledBase : c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
        p.setColor(group, QPalette::PlaceholderText, c.placeholder);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, disabled ? c.disabledButton : c.button);
        p.setColor(group, QPalette::ButtonText, disabled ? c.disabledText : c.buttonText);
        p.setColor(group, QPalette::BrightText, c.brightText);
        p.setColor(group, QPalette::Light, light);
        p.setColor(group, QPalette::Midlight, midlight);
        p.setColor(group, QPalette::Dark, dark);
        p.setColor(group, QPalette::Mid, mid);
        p.setColor(group, QPalette::Shadow, shadow);
        // An inactive window keeps its selection visible but quieter; a disabled one greys it out.
        p.setColor(group, QPalette::Highlight,
                   disabled ? c.disabledButton
                            : (group == QPalette::Inactive ? c.highlight.darker(115) : c.highlight));
        p.setColor(group, QPalette::HighlightedText, disabled ? c.disabledText : c.highlightedText);
        p.setColor(group, QPalette::Link, disabled ? c.disabledText : c.link);
        p.setColor(group, QPalette::LinkVisited, disabled ? c.disabledText : c.linkVisited);
        p.setColor(group, QPalette::NoRole, QColor(Qt::transparent));
    }
    return p;
}

} // namespace

QPalette ThemePalette::paletteFor(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::Light:
        return build(lightColours());
    case AppSettings::Theme::Dark:
        return build(darkColours());
    case AppSettings::Theme::System:
        break;
    }
    return QPalette();
}

void ThemePalette::apply(AppSettings::Theme theme)
{
    // A palette with no role set drops the application's own palette: Qt goes back to the base one,
    // the platform theme's (a KDE or GNOME colour scheme) over the style's standard palette, and
    // keeps following the desktop when its scheme changes while the application runs.
    QApplication::setPalette(paletteFor(theme));
}

bool ThemePalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace secretdesk
