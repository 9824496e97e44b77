#include "ui/EnvLine.h"

#include "core/exporters/ExportPlan.h"
#include "core/exporters/PosixExporter.h"
#include "core/model/SecureBytes.h"

namespace secretdesk {

Result<QString> EnvLine::forSecret(const SecretRecord &record, const SecretValue &value)
{
    QList<ExportStyle> styles;
    if (record.target != ExportTarget::Plain)
        styles.append(ExportStyle::Context);
    if (record.target != ExportTarget::Context)
        styles.append(ExportStyle::Plain);
    const PosixExporter shell;
    QByteArray text;
    for (const ExportStyle style : styles) {
        ExportPlan plan(style);
        if (Status added = plan.add(record.name, value); !added.ok()) {
            wipeBytes(text);
            return added.error();
        }
        const ExportEntry &entry = plan.entries().constFirst();
        if (Status carried = shell.check(entry); !carried.ok()) {
            wipeBytes(text);
            return carried.error();
        }
        if (!text.isEmpty())
            text += '\n';
        text += entry.name.toLatin1();
        text += '=';
        PosixExporter::appendSingleQuoted(entry.value, text);
    }
    QString line = QString::fromUtf8(text);
    wipeBytes(text);
    return line;
}

} // namespace secretdesk
