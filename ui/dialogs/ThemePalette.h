#pragma once

#include "ui/AppSettings.h"

#include <QPalette>

namespace secretdesk {

// The application palette for a theme. System gives the desktop's palette back (the platform
// theme's over the style's standard palette, as at start-up); Light and Dark set every colour role
// of every colour group (active, inactive, disabled), so that no widget keeps a colour from the
// previous theme.
class ThemePalette {
public:
    static void apply(AppSettings::Theme theme);
    // The complete palette of Light or Dark; for System, an empty palette (nothing of our own).
    static QPalette paletteFor(AppSettings::Theme theme);
    // True when text is drawn light on dark (chooses the syntax colours of the JSON editor).
    static bool isDark(const QPalette &palette);
};

} // namespace secretdesk
