#include "core/exporters/JsonExporter.h"

namespace secretdesk {

Status JsonExporter::check(const ExportEntry &entry) const
{
    return checkCommon(QStringLiteral("JSON"), entry);
}

QByteArray JsonExporter::quoted(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    const char *const data = utf8.constData();
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(data + from, i - from);
        from = i + 1;
        switch (byte) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    out.append(data + from, utf8.size() - from);
    out += '"';
    return out;
}

QByteArray JsonExporter::renderChecked(const QList<ExportEntry> &entries) const
{
    if (entries.isEmpty())
        return QByteArrayLiteral("{}\n");
    QByteArray out = "{\n";
    for (qsizetype i = 0; i < entries.size(); ++i) {
        renderEntry(entries.at(i), out);
        out += i + 1 < entries.size() ? ",\n" : "\n";
    }
    out += "}\n";
    return out;
}

void JsonExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    out += "  ";
    out += quoted(entry.name.toUtf8());
    out += ": ";
    out += quoted(entry.value);
}

} // namespace secretdesk
