#pragma once

#include "core/model/Diagnostic.h"

#include <utility>
#include <variant>

namespace secretdesk {

// Either a value or the diagnostic that explains why there is none. Errors are values:
// no exception crosses a module boundary.
template<class T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Diagnostic error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const Diagnostic &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Diagnostic> m_state;
};

// The result of an operation that yields nothing but success.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Diagnostic error)
        : m_error(std::move(error))
        , m_failed(true)
    {}
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Diagnostic &error() const { return m_error; }

private:
    Diagnostic m_error;
    bool m_failed = false;
};

} // namespace secretdesk
