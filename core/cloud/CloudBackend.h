#pragma once

#include "core/cloud/CloudLink.h"
#include "core/cloud/HttpClient.h"
#include "core/model/SecretValue.h"

#include <QMap>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace secretdesk {

// One secret as the remote lists it. `value` is set only when the API returned it; `error` says why
// a value that was asked for could not be read.
struct RemoteSecret {
    QString name;
    std::optional<SecretValue> value;
    std::optional<Diagnostic> error;
};

struct RemoteWrite {
    QString name;
    SecretValue value;
};

// A remote's secrets API, reduced to what a sync needs. Operations report the whole call's failure
// (unreachable, rejected credentials) as an error and every item's own outcome per name.
// Callbacks run exactly once unless `context` is destroyed first.
class CloudBackend : public QObject {
    Q_OBJECT
public:
    using ListDone = std::function<void(Result<QList<RemoteSecret>>)>;
    using ItemsDone = std::function<void(Result<QMap<QString, Status>>)>;
    using Done = std::function<void(Status)>;

    explicit CloudBackend(QObject *parent = nullptr)
        : QObject(parent)
    {}

    virtual BackendKind kind() const = 0;
    // Whether listing with values costs about as much as listing names (Prefect 2/3 pages of 200).
    virtual bool listsValuesCheaply() const = 0;
    virtual int requestsSent() const = 0;

    // A cheap authenticated call: proves URL and key.
    virtual void verify(QObject *context, Done done) = 0;
    // Every remote secret; with `withValues`, the values of those in `only` (all when empty).
    virtual void list(bool withValues, const QStringList &only, QObject *context, ListDone done) = 0;
    // Creates or replaces each value.
    virtual void write(const QList<RemoteWrite> &writes, QObject *context, ItemsDone done) = 0;
    // Deletes each name; a missing name is a per-name Failure::NotFound.
    virtual void remove(const QStringList &names, QObject *context, ItemsDone done) = 0;
    // Stops issuing requests and aborts those in flight: every unfinished call reports its
    // remaining names with cancelledError(). Calls made afterwards run normally.
    virtual void cancel() = 0;

signals:
    // `count` more names of a write() or remove() have their outcome (for progress bars).
    void itemsFinished(int count);

public:
    static std::unique_ptr<CloudBackend> create(const CloudLink &link, const QByteArray &apiKey,
                                                const RetryPolicy &policy, QObject *parent = nullptr);
};

// Helpers shared by the backends: the JSON a value travels as, and back.
QJsonValue valueToJson(const SecretValue &value);
Result<SecretValue> valueFromJson(const QJsonValue &json, const QString &remoteName);
// Compares without regard to JSON member order.
bool sameValue(const SecretValue &a, const SecretValue &b);

} // namespace secretdesk
