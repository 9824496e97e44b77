#include "tests/support/TempHome.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace secretdesk::test {

TempHome::TempHome()
{
    for (const QString &folder : {dataHome(), configHome(), cacheHome(), stateHome(), tempDir()})
        QDir().mkpath(folder);
}

QStringList TempHome::environment(const QStringList &base) const
{
    QStringList env;
    for (const QString &entry : base) {
        const QString key = entry.section(QLatin1Char('='), 0, 0);
        if (key != QLatin1String("HOME") && key != QLatin1String("TMPDIR") &&
            !key.startsWith(QLatin1String("XDG_")))
            env.append(entry);
        else if (key == QLatin1String("XDG_RUNTIME_DIR"))
            env.append(entry); // the keyring's control socket lives there
    }
    env << QStringLiteral("HOME=") + path() << QStringLiteral("XDG_DATA_HOME=") + dataHome()
        << QStringLiteral("XDG_CONFIG_HOME=") + configHome()
        << QStringLiteral("XDG_CACHE_HOME=") + cacheHome() << QStringLiteral("XDG_STATE_HOME=") + stateHome()
        << QStringLiteral("TMPDIR=") + tempDir();
    return env;
}

QStringList TempHome::filesContaining(const QByteArray &needle) const
{
    return test::filesContaining(path(), needle);
}

QList<QByteArray> leakForms(const QByteArray &value)
{
    QByteArray jsonEscaped = value;
    jsonEscaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return {value, value.toBase64(), value.toHex(), jsonEscaped};
}

QStringList filesContaining(const QString &root, const QByteArray &value)
{
    QStringList hits;
    const QList<QByteArray> forms = leakForms(value);
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &form : forms) {
            if (content.contains(form)) {
                hits << file.fileName();
                break;
            }
        }
    }
    return hits;
}

} // namespace secretdesk::test
