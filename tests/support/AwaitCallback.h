#pragma once

#include <QObject>
#include <QTest>

#include <optional>

namespace secretdesk::test {

// Runs a callback-style core call and spins the event loop until the callback ran (the keychain's
// answers need it), or `timeoutMs` passed (then the optional is empty and the test fails on it).
template<class R, class Start>
std::optional<R> awaitCallback(Start &&start, int timeoutMs = 20000)
{
    std::optional<R> result;
    QObject context;
    start(&context, [&](R r) { result.emplace(std::move(r)); });
    [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    return result;
}

} // namespace secretdesk::test
