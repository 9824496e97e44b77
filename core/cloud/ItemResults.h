#pragma once

#include "core/model/Result.h"

#include <QMap>
#include <QString>

#include <functional>
#include <memory>

namespace secretdesk {

// Collects per-name outcomes of requests running in parallel and reports once all are in. A rejected
// credential anywhere fails the whole call with one message instead of one per name.
class ItemResults {
public:
    using Done = std::function<void(Result<QMap<QString, Status>>)>;

    // `each` runs after every name's outcome (progress reporting).
    static std::shared_ptr<ItemResults> create(qsizetype expected, Done done, std::function<void()> each = {})
    {
        auto results = std::shared_ptr<ItemResults>(new ItemResults(expected, std::move(done)));
        results->m_each = std::move(each);
        if (expected == 0)
            results->finish();
        return results;
    }

    void set(const QString &name, Status status)
    {
        if (!status.ok() && status.error().failure == Failure::Unauthorized && !m_unauthorized)
            m_unauthorized = status.error();
        m_results.insert(name, std::move(status));
        if (m_each)
            m_each();
        if (--m_remaining == 0)
            finish();
    }

private:
    ItemResults(qsizetype expected, Done done)
        : m_remaining(expected)
        , m_done(std::move(done))
    {}
    void finish()
    {
        if (m_unauthorized)
            m_done(*m_unauthorized);
        else
            m_done(m_results);
    }

    qsizetype m_remaining;
    Done m_done;
    std::function<void()> m_each;
    QMap<QString, Status> m_results;
    std::optional<Diagnostic> m_unauthorized;
};

} // namespace secretdesk
