#include "core/prefect/PrefectEnvironment.h"

#include <QProcessEnvironment>

#include <pwd.h>
#include <unistd.h>

namespace secretdesk {

namespace {

std::optional<QString> systemHome(const QString &user)
{
    // getpwnam_r/getpwuid_r with a local buffer: no shared static state.
    struct passwd entry {};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (user.isEmpty()) {
        getpwuid_r(getuid(), &entry, buffer, sizeof buffer, &found);
    } else {
        const QByteArray name = user.toUtf8();
        getpwnam_r(name.constData(), &entry, buffer, sizeof buffer, &found);
    }
    if (!found || !found->pw_dir)
        return std::nullopt;
    return QString::fromUtf8(found->pw_dir);
}

} // namespace

PrefectEnvironment PrefectEnvironment::current()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    PrefectEnvironment world;
    world.variable = [env](const QString &name) -> std::optional<QString> {
        if (!env.contains(name))
            return std::nullopt;
        return env.value(name);
    };
    world.userHome = systemHome;
    world.configValue = [](const QStringList &) {
        return std::optional<PythonValue>();
    };
    return world;
}

PrefectEnvironment PrefectEnvironment::fromMap(const QHash<QString, QString> &variables, const QString &home)
{
    PrefectEnvironment world;
    world.variable = [variables](const QString &name) -> std::optional<QString> {
        const auto it = variables.constFind(name);
        if (it == variables.constEnd())
            return std::nullopt;
        return it.value();
    };
    world.userHome = [home](const QString &user) -> std::optional<QString> {
        if (user.isEmpty() && !home.isEmpty())
            return home;
        return std::nullopt;
    };
    world.configValue = [](const QStringList &) {
        return std::optional<PythonValue>();
    };
    return world;
}

PrefectEnvironment PrefectEnvironment::everythingDefined()
{
    // U+0001 cannot come out of any expansion the codec writes, so any expansion shows.
    PrefectEnvironment world;
    world.variable = [](const QString &) {
        return std::optional<QString>(QStringLiteral("\u0001var\u0001"));
    };
    world.userHome = [](const QString &) {
        return std::optional<QString>(QStringLiteral("/\u0001home"));
    };
    world.configValue = [](const QStringList &) {
        return std::optional<PythonValue>(PythonValue::str(QStringLiteral("\u0001ref\u0001")));
    };
    return world;
}

} // namespace secretdesk
