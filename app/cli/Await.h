#pragma once

#include <QEventLoop>
#include <QObject>

#include <optional>

namespace secretdesk::cli {

// Runs an asynchronous core call to completion: the CLI waits on the same API the GUI uses,
// with a local event loop (the keychain's callbacks need one running).
template<class R, class Start>
R await(Start &&start)
{
    QEventLoop loop;
    QObject context;
    std::optional<R> result;
    start(&context, [&](R r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace secretdesk::cli
