#include "core/exporters/ExportPlan.h"

#include "core/model/SecureBytes.h"
#include "core/prefect/PrefectCodec.h"

namespace secretdesk {

const QString &ExportPlan::contextPrefix()
{
    static const QString prefix = QStringLiteral("PREFECT__CONTEXT__SECRETS__");
    return prefix;
}

Result<ExportStyle> ExportPlan::styleFromName(const QString &name)
{
    if (name == QLatin1String("context"))
        return ExportStyle::Context;
    if (name == QLatin1String("plain"))
        return ExportStyle::Plain;
    return Diagnostic::error(Failure::InvalidInput, QStringLiteral("EXPORT_STYLE_UNKNOWN"),
                             QStringLiteral("unknown export style %1 (known: context, plain)").arg(name));
}

QString ExportPlan::styleName(ExportStyle style)
{
    return style == ExportStyle::Context ? QStringLiteral("context") : QStringLiteral("plain");
}

Result<ExportEntry> ExportPlan::entryFor(const SecretName &name, const SecretValue &value, ExportStyle style,
                                         const ContextForm &form)
{
    if (style == ExportStyle::Plain)
        return ExportEntry{name.toString(), value.utf8()};
    Result<QByteArray> encoded = form.codec == ContextForm::Codec::Toml ? PrefectCodec::encodeToml(value)
                                                                        : PrefectCodec::encodeEnv(value);
    if (!encoded.ok()) {
        Diagnostic error = encoded.error();
        error.location.pointer = QStringLiteral("/") + name.toString();
        return error;
    }
    const QString variable = form.prefixName ? contextPrefix() + name.toString() : name.toString();
    return ExportEntry{variable, std::move(encoded).value()};
}

ExportPlan::ExportPlan(ExportStyle style, ContextForm form)
    : m_style(style)
    , m_form(form)
{}

ExportPlan::~ExportPlan()
{
    for (ExportEntry &entry : m_entries)
        wipeBytes(entry.value);
}

Status ExportPlan::add(const SecretName &name, const SecretValue &value)
{
    Result<ExportEntry> entry = entryFor(name, value, m_style, m_form);
    if (!entry.ok())
        return entry.error();
    m_entries.append(std::move(entry).value());
    return Status::success();
}

} // namespace secretdesk
