#pragma once

#include "ui/AppSettings.h"

#include <QPalette>

namespace secretdesk {

// The application palette for a theme: System gives the style's own palette back, Light and Dark
// set every role of every colour group so that no widget keeps a colour of the other theme.
class ThemePalette {
public:
    static void apply(AppSettings::Theme theme);
};

} // namespace secretdesk
