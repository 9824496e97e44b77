#include "app/cli/SecretSelection.h"

#include "app/cli/Await.h"
#include "core/store/SecretStore.h"

namespace secretdesk::cli {

void SecretSelection::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(m_names);
    parser.addOption(m_style);
}

Result<QList<SecretSelection::Item>> SecretSelection::load(CliContext &context,
                                                           const QCommandLineParser &parser) const
{
    auto records = context.store->records(context.profile);
    if (!records)
        return records.error();
    QList<SecretRecord> chosen;
    if (parser.isSet(m_names)) {
        for (const QString &text : parser.value(m_names).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            auto name = SecretName::parse(text.trimmed());
            if (!name)
                return name.error();
            auto record = context.store->record(context.profile, *name);
            if (!record)
                return record.error();
            chosen.append(*record);
        }
    } else {
        chosen = *records;
    }
    QList<Item> items;
    for (const SecretRecord &record : chosen) {
        auto value = await<Result<SecretValue>>([&](QObject *ctx, auto done) {
            context.store->readValue(context.profile, record.name, ctx, done);
        });
        if (!value) {
            Diagnostic error = value.error();
            error.location.file = record.name.toString();
            return error;
        }
        items.append({record, *value});
    }
    return items;
}

Result<std::optional<ExportStyle>> SecretSelection::style(const QCommandLineParser &parser) const
{
    if (!parser.isSet(m_style))
        return std::optional<ExportStyle>();
    auto style = ExportPlan::styleFromName(parser.value(m_style));
    if (!style)
        return style.error();
    return std::optional<ExportStyle>(*style);
}

QList<ExportEntry> SecretSelection::entries(const QList<Item> &items, std::optional<ExportStyle> style,
                                            const ContextForm &form, QList<Diagnostic> &refusals)
{
    QList<ExportEntry> out;
    for (const Item &item : items) {
        QList<ExportStyle> styles;
        if (style)
            styles = {*style};
        else if (item.record.target == ExportTarget::Both)
            styles = {ExportStyle::Context, ExportStyle::Plain};
        else
            styles = {item.record.target == ExportTarget::Plain ? ExportStyle::Plain : ExportStyle::Context};
        for (ExportStyle s : styles) {
            auto entry = ExportPlan::entryFor(item.record.name, item.value, s, form);
            if (!entry) {
                Diagnostic error = entry.error();
                if (error.location.file.isEmpty())
                    error.location.file = item.record.name.toString();
                refusals.append(error);
            } else {
                out.append(*entry);
            }
        }
    }
    return out;
}

} // namespace secretdesk::cli
