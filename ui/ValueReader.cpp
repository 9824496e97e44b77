#include "ui/ValueReader.h"

#include "ui/SecretTableModel.h"

#include <QPointer>

namespace secretdesk {

ValueReader::ValueReader(SecretStore *store, SecretTableModel *model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
{}

void ValueReader::read(const ProfileName &profile, const QString &name, QObject *context, Done done,
                       Failed failed)
{
    auto secretName = SecretName::parse(name);
    if (!secretName) {
        failed(secretName.error());
        return;
    }
    auto record = m_store->record(profile, *secretName);
    if (!record) {
        failed(record.error());
        return;
    }
    ++m_reads;
    QPointer<ValueReader> self(this);
    m_store->readValue(profile, *secretName, context,
                       [self, record = *record, done = std::move(done),
                        failed = std::move(failed)](Result<SecretValue> value) {
                           if (!value) {
                               failed(value.error());
                               return;
                           }
                           if (self) {
                               const Findings findings = self->m_validators.validate(record.kind, *value);
                               const ValidationState state = validationStateOf(findings);
                               QStringList lines;
                               for (const Finding &finding : findings)
                                   lines.append(finding.toString());
                               self->m_model->setValidationState(record.name.toString(), state);
                               Q_EMIT self->checked(record.name.toString(), state, lines);
                           }
                           done(record, *value);
                       });
}

} // namespace secretdesk
