#pragma once

#include <QByteArray>
#include <QString>

namespace secretdesk {

// One variable to export: its name and the UTF-8 bytes the reader must end up with, already
// encoded for the chosen style (plain text, or Prefect's env encoding under the context style).
struct ExportEntry {
    QString name;
    QByteArray value;
};

} // namespace secretdesk
