#pragma once

#include "core/store/SecretStore.h"
#include "core/validators/ValidatorRegistry.h"
#include "ui/ValidationState.h"

#include <QObject>

#include <functional>

namespace secretdesk {

class SecretTableModel;

// Every read of a value the window makes (reveal, copy, edit) goes through here: the keychain is
// asked each time (nothing is cached), and the value is validated on the way so the table learns
// the row's validation state. The value itself is handed to the caller and kept by no one here.
class ValueReader : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const SecretRecord &record, const SecretValue &value)>;
    using Failed = std::function<void(const Diagnostic &error)>;

    ValueReader(SecretStore *store, SecretTableModel *model, QObject *parent = nullptr);

    // Calls done or failed later (through the event loop), never both, never after context is gone.
    void read(const ProfileName &profile, const QString &name, QObject *context, Done done, Failed failed);
    int readCount() const { return m_reads; }

Q_SIGNALS:
    // After each successful read: the state and the findings as one line each (codes and messages,
    // which never hold the value).
    void checked(const QString &name, ValidationState state, const QStringList &findings);

private:
    SecretStore *m_store;
    SecretTableModel *m_model;
    ValidatorRegistry m_validators;
    int m_reads = 0;
};

} // namespace secretdesk
