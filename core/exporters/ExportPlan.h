#pragma once

#include "core/exporters/ExportEntry.h"
#include "core/exporters/Exporter.h"
#include "core/model/Result.h"
#include "core/model/SecretName.h"
#include "core/model/SecretValue.h"

#include <QList>
#include <QString>

namespace secretdesk {

// How secrets become variables.
//   context: PREFECT__CONTEXT__SECRETS__NAME, the value in Prefect's env encoding, so that
//            prefect.context.secrets["NAME"] holds the secret in a flow run;
//   plain:   NAME, the value's own bytes (a JSON object as its compact text).
enum class ExportStyle { Context, Plain };

// Turns secrets into the entries one exporter renders, applying the style and the exporter's
// ContextForm (a config-file target keeps the bare name and takes the TOML encoding). Kept apart
// from the exporters so that they never depend on the Prefect codec.
class ExportPlan {
public:
    static const QString &contextPrefix(); // "PREFECT__CONTEXT__SECRETS__"
    // "context" or "plain"; EXPORT_STYLE_UNKNOWN otherwise.
    static Result<ExportStyle> styleFromName(const QString &name);
    static QString styleName(ExportStyle style);

    // One entry, or the codec's diagnostic when the value cannot be encoded for Prefect.
    static Result<ExportEntry> entryFor(const SecretName &name, const SecretValue &value, ExportStyle style,
                                        const ContextForm &form = {});

    explicit ExportPlan(ExportStyle style, ContextForm form = {});
    // Wipes the encoded values it holds alone (plain values share the SecretValue's own buffer,
    // which wipes itself).
    ~ExportPlan();
    ExportPlan(const ExportPlan &) = default;
    ExportPlan(ExportPlan &&) noexcept = default;
    ExportPlan &operator=(const ExportPlan &) = default;
    ExportPlan &operator=(ExportPlan &&) noexcept = default;

    ExportStyle style() const { return m_style; }
    // Appends the entry for one secret; on failure nothing is appended.
    Status add(const SecretName &name, const SecretValue &value);
    const QList<ExportEntry> &entries() const { return m_entries; }

private:
    ExportStyle m_style;
    ContextForm m_form;
    QList<ExportEntry> m_entries;
};

} // namespace secretdesk
