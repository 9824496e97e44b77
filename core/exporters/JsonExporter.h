#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// One JSON object {"NAME": "value", ...}, one member per line, in entry order. JSON strings carry
// any Unicode text, so only a name that is not a variable name, a NUL (no environment can hold
// it, though JSON could) and invalid UTF-8 are refused.
class JsonExporter : public Exporter {
public:
    QString id() const override { return QStringLiteral("json"); }
    QString displayName() const override { return QStringLiteral("JSON object"); }
    Status check(const ExportEntry &entry) const override;

    // The JSON string literal (with quotes) for UTF-8 text: escapes ", \ and control characters.
    static QByteArray quoted(const QByteArray &utf8);

protected:
    QByteArray renderChecked(const QList<ExportEntry> &entries) const override;
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;
};

} // namespace secretdesk
