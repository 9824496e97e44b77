#include "core/validators/AzureConnectionStringValidator.h"

#include "core/validators/MaskedExcerpt.h"
#include "core/validators/ShapeCheck.h"

#include <QHash>

namespace secretdesk {

// Codes: AZS010 segment without '=', AZS011 no account, AZS012 no credential, AZS013
// AccountKey not base64, AZS014 protocol not http/https, AZS015 unknown key (did you mean),
// AZS016 development storage (hint), AZS017 AccountKey not the usual 64 bytes.
void AzureConnectionStringValidator::checkString(ValidationContext &context, const FormatSpec &spec,
                                                 const StringField &value) const
{
    static const QStringList known = {QStringLiteral("DefaultEndpointsProtocol"),
                                      QStringLiteral("AccountName"),
                                      QStringLiteral("AccountKey"),
                                      QStringLiteral("EndpointSuffix"),
                                      QStringLiteral("SharedAccessSignature"),
                                      QStringLiteral("BlobEndpoint"),
                                      QStringLiteral("QueueEndpoint"),
                                      QStringLiteral("TableEndpoint"),
                                      QStringLiteral("FileEndpoint"),
                                      QStringLiteral("BlobSecondaryEndpoint"),
                                      QStringLiteral("QueueSecondaryEndpoint"),
                                      QStringLiteral("TableSecondaryEndpoint"),
                                      QStringLiteral("FileSecondaryEndpoint"),
                                      QStringLiteral("UseDevelopmentStorage"),
                                      QStringLiteral("DevelopmentStorageProxyUri")};
    const QString &text = value.value;
    QHash<QString, qsizetype> valueStart; // key -> index of its value in `text`
    QHash<QString, QString> values;
    qsizetype pos = 0;
    while (pos <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char(';'), pos);
        if (end < 0)
            end = text.size();
        const QStringView segment = QStringView(text).mid(pos, end - pos);
        if (!segment.trimmed().isEmpty()) {
            const qsizetype eq = segment.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                context.reportField(
                    Severity::Error, spec.code(10),
                    QStringLiteral("connection string segment %1 is not Key=Value").arg(values.size() + 1),
                    value, pos);
            } else {
                const QString key = segment.left(eq).trimmed().toString();
                if (!known.contains(key, Qt::CaseInsensitive)) {
                    const QString suggestion = ShapeCheck::closest(key, known, 3);
                    Fix fix;
                    QString message =
                        QStringLiteral("unknown connection string key %1").arg(MaskedExcerpt::name(key));
                    if (!suggestion.isEmpty()) {
                        message += QStringLiteral(": did you mean '%1'?").arg(suggestion);
                        fix =
                            Fix{QStringLiteral("Rename %1 to '%2'").arg(MaskedExcerpt::name(key), suggestion),
                                {TextEdit{value.offsetOf(pos), value.offsetOf(pos + eq) - value.offsetOf(pos),
                                          suggestion.toUtf8()}}};
                    }
                    context.reportField(Severity::Warning, spec.code(15), message, value, pos, fix);
                }
                values.insert(key.toLower(), segment.mid(eq + 1).toString());
                valueStart.insert(key.toLower(), pos + eq + 1);
            }
        }
        pos = end + 1;
    }
    auto has = [&](const char *key) {
        return !values.value(QLatin1String(key)).isEmpty();
    };
    if (values.value(QStringLiteral("usedevelopmentstorage"))
            .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
        context.reportField(Severity::Hint, spec.code(16),
                            QStringLiteral("UseDevelopmentStorage=true points at the local Azurite emulator"),
                            value);
        return;
    }
    if (!has("accountname") && !has("blobendpoint"))
        context.reportField(Severity::Error, spec.code(11),
                            QStringLiteral("the connection string has no AccountName (or BlobEndpoint)"),
                            value);
    if (!has("accountkey") && !has("sharedaccesssignature"))
        context.reportField(
            Severity::Error, spec.code(12),
            QStringLiteral("the connection string has neither AccountKey nor SharedAccessSignature"), value);
    if (has("accountkey")) {
        const QByteArray key = values.value(QStringLiteral("accountkey")).toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || key.size() % 4 != 0)
            context.reportField(Severity::Error, spec.code(13),
                                QStringLiteral("AccountKey is not valid base64"), value,
                                valueStart.value(QStringLiteral("accountkey")));
        else if (decoded.decoded.size() != 64)
            context.reportField(Severity::Warning, spec.code(17),
                                QStringLiteral("AccountKey decodes to %1 bytes; storage account keys are 64")
                                    .arg(decoded.decoded.size()),
                                value, valueStart.value(QStringLiteral("accountkey")));
    }
    const QString protocol = values.value(QStringLiteral("defaultendpointsprotocol"));
    if (!protocol.isEmpty() && protocol != QLatin1String("https") && protocol != QLatin1String("http"))
        context.reportField(Severity::Warning, spec.code(14),
                            QStringLiteral("DefaultEndpointsProtocol should be https"), value,
                            valueStart.value(QStringLiteral("defaultendpointsprotocol")));
}

} // namespace secretdesk
