#include "ui/dialogs/ThemePalette.h"

#include <QApplication>

namespace secretdesk {

void ThemePalette::apply(AppSettings::Theme theme)
{
    Q_UNUSED(theme);
}

} // namespace secretdesk
